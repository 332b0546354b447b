// The demo loads the library from source; a real page loads dist/iigp-widgets.js the same way.
import '../src/iigp-widgets.js';
