/**
 * The block editor side of the four IIGP blocks, written against WordPress's own packages (the wp.*
 * globals; no bundler, no second copy of React). The blocks are registered on the server from their
 * block.json (attributes generated from the elements' custom-elements.json); here each gets:
 * - its options in the sidebar, built from those attributes: a toggle for a boolean, a number field or a
 *   range for a number, a select for a union of values, a text field otherwise; the faculty card picks
 *   its person from the site's pages;
 * - a live preview in the canvas: the real element, reading the site's own data (the defaults the
 *   server uses), rendered by the widgets' script, which is loaded into the canvas document (an iframe
 *   from WordPress 6.3) once.
 * Saved as a block comment with attributes (save returns null); the server renders the block.
 */
(function (wp, config) {
  if (!wp || !wp.blocks || !config) return;
  var el = wp.element.createElement;
  var __ = wp.i18n.__;
  var be = wp.blockEditor;
  var c = wp.components;
  var NumberControl = c.__experimentalNumberControl || null;

  /** Loads the widgets' script module into the document that shows the preview (the canvas iframe). */
  function loadModule(doc) {
    if (!doc || doc.querySelector('script[data-iigp-widgets]')) return;
    var script = doc.createElement('script');
    script.type = 'module';
    script.src = config.module;
    script.setAttribute('data-iigp-widgets', '');
    (doc.head || doc.documentElement).appendChild(script);
  }

  /** "showExcerpt" -> "show-excerpt". */
  function kebab(name) {
    return name.replace(/[A-Z]/g, function (letter) {
      return '-' + letter.toLowerCase();
    });
  }
  /** "showExcerpt" -> "Show excerpt". */
  function label(name) {
    var words = kebab(name).replace(/-/g, ' ');
    return words.charAt(0).toUpperCase() + words.slice(1);
  }

  /** The element's attributes for the preview: as the server prints them (booleans present or "false"). */
  function elementAttributes(tag, definitions, attributes) {
    var out = {};
    Object.keys(definitions).forEach(function (name) {
      if (name === 'fallback') return;
      var value = attributes[name];
      var definition = definitions[name];
      if (value === undefined || value === null || value === '') return;
      if (definition.type === 'boolean') {
        if (definition.default === true) {
          if (value === false) out[kebab(name)] = 'false';
        } else if (value === true) out[kebab(name)] = '';
        return;
      }
      if (definition.default !== undefined && definition.default === value) return;
      out[kebab(name)] = String(value);
    });
    if (!out.src) {
      var source = config.sources[tag];
      // The faculty card reads the site's pages only for a chosen person (or shows its attributes).
      if (source && source.src && !(tag === 'iigp-faculty-card' && (!out.person || out.name))) {
        out.src = tag === 'iigp-faculty-card' ? source.src + '&slug=' + encodeURIComponent(out.person) : source.src;
        if (!out.format) out.format = source.format;
        // The plugin's workshops route is asked for what the block shows, as the server asks it.
        if (tag === 'iigp-workshop-list' && /iigp\/v1\/workshops/.test(out.src)) {
          var query = [];
          if (out.when === 'past' || out.when === 'all') query.push('when=' + out.when);
          if (out.limit > 0) query.push('per_page=' + Math.min(100, Number(out.limit)));
          if (out.category) query.push('category=' + encodeURIComponent(out.category));
          delete out.category;
          if (query.length) out.src += (out.src.indexOf('?') < 0 ? '?' : '&') + query.join('&');
        }
      }
    }
    return out;
  }

  var PAGES_QUERY = {
    per_page: 100,
    status: 'publish',
    context: 'view',
    _fields: 'id,slug,title,parent',
    orderby: 'title',
    order: 'asc',
  };
  /** The site's published pages, for the faculty card's person. */
  function usePages() {
    return wp.data.useSelect(function (select) {
      // context "view": an Author may read every published page, not edit them.
      return select('core').getEntityRecords('postType', 'page', PAGES_QUERY);
    }, []);
  }

  function control(tag, name, definition, value, set, pages) {
    var common = {
      key: name,
      label: label(name),
      help: definition.description || undefined,
      __nextHasNoMarginBottom: true,
      __next40pxDefaultSize: true,
    };
    if (tag === 'iigp-faculty-card' && name === 'person') {
      var options = [{ value: '', label: __('— Choose a faculty member —', 'iigp-widgets') }].concat(
        (pages || []).map(function (page) {
          var title = (page.title && (page.title.rendered || page.title.raw)) || page.slug;
          var text = document.createElement('textarea');
          text.innerHTML = title; // decode entities of title.rendered, as text
          return { value: page.slug, label: text.value };
        }),
      );
      return el(
        c.SelectControl,
        Object.assign(common, {
          value: value || '',
          options: options,
          onChange: function (v) {
            set(v || undefined);
          },
        }),
      );
    }
    if (name === 'fallback') {
      return el(
        c.TextareaControl,
        Object.assign(common, {
          value: value || '',
          onChange: function (v) {
            set(v || undefined);
          },
        }),
      );
    }
    if (definition.type === 'boolean') {
      return el(
        c.ToggleControl,
        Object.assign(common, {
          checked: value === undefined ? !!definition.default : !!value,
          onChange: function (v) {
            set(v);
          },
        }),
      );
    }
    if (definition.enum) {
      return el(
        c.SelectControl,
        Object.assign(common, {
          value: value === undefined ? definition.default || definition.enum[0] : value,
          options: definition.enum.map(function (v) {
            return { value: v, label: v };
          }),
          onChange: function (v) {
            set(v);
          },
        }),
      );
    }
    if (definition.type === 'number') {
      var ranges = { limit: [1, 20], columns: [1, 6], headingLevel: [2, 6] };
      var number = function (v) {
        var n = parseFloat(v);
        set(isFinite(n) ? n : undefined);
      };
      if (ranges[name]) {
        return el(
          c.RangeControl,
          Object.assign(common, {
            value: value === undefined ? definition.default : value,
            min: ranges[name][0],
            max: ranges[name][1],
            allowReset: true,
            onChange: number,
          }),
        );
      }
      return el(
        NumberControl || c.TextControl,
        Object.assign(common, {
          type: 'number',
          value: value === undefined ? (definition.default === undefined ? '' : definition.default) : value,
          onChange: number,
        }),
      );
    }
    return el(
      c.TextControl,
      Object.assign(common, {
        value: value || '',
        onChange: function (v) {
          set(v || undefined);
        },
      }),
    );
  }

  function register(name) {
    // Title, icon and attributes come from block.json, which WordPress hands to the editor from the server.
    var tag = 'iigp-' + name.slice('iigp/'.length);
    wp.blocks.registerBlockType(name, {
      edit: function Edit(props) {
        var attributes = props.attributes;
        var type = wp.blocks.getBlockType(name);
        // The element's attributes (and the fallback) carry a description; align, className… are WordPress's.
        var definitions = {};
        Object.keys(type.attributes).forEach(function (key) {
          if (type.attributes[key].description !== undefined) definitions[key] = type.attributes[key];
        });
        var pages = tag === 'iigp-faculty-card' ? usePages() : null;
        var ref = wp.element.useRef(null);
        var blockProps = be.useBlockProps({ ref: ref });
        wp.element.useEffect(function () {
          loadModule(ref.current && ref.current.ownerDocument);
        });
        var shown = elementAttributes(tag, definitions, attributes);
        var controls = Object.keys(definitions).map(function (key) {
          return control(
            tag,
            key,
            definitions[key],
            attributes[key],
            function (v) {
              var change = {};
              change[key] = v;
              props.setAttributes(change);
            },
            pages,
          );
        });
        // A new element per change of options: the preview always starts from the options it shows.
        var preview = el(
          tag,
          Object.assign({ key: JSON.stringify(shown) }, shown),
          attributes.fallback ? el('p', null, attributes.fallback) : null,
        );
        return el(
          'div',
          blockProps,
          el(be.InspectorControls, null, el(c.PanelBody, { title: __('Options', 'iigp-widgets') }, controls)),
          tag === 'iigp-faculty-card' && !shown.src && !shown.name
            ? el(
                c.Placeholder,
                {
                  icon: type.icon && type.icon.src,
                  label: type.title,
                  instructions: __('Choose a faculty member in the sidebar (Person).', 'iigp-widgets'),
                },
                control(
                  tag,
                  'person',
                  definitions.person || {},
                  attributes.person,
                  function (v) {
                    props.setAttributes({ person: v });
                  },
                  pages,
                ),
              )
            : preview,
        );
      },
      save: function () {
        return null;
      },
    });
  }

  ['iigp/recent-posts', 'iigp/workshop-list', 'iigp/faculty-card', 'iigp/newsletter-archive'].forEach(register);
})(window.wp, window.iigpWidgetsEditor);
