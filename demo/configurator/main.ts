import manifest from '../../custom-elements.json';
import pkg from '../../package.json';
import './configurator.js';
import type { EmbedConfiguratorElement, Manifest } from './configurator.js';

const configurator = document.querySelector('iigp-embed-configurator') as EmbedConfiguratorElement;
configurator.manifest = manifest as unknown as Manifest;
configurator.version = pkg.version;
