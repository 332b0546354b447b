/**
 * The "Workshop" panel in the block editor's document sidebar, for posts and pages in the workshops
 * category. Written against WordPress's own `wp.*` globals (script dependencies), no build step.
 * It edits one post meta, `iigp_workshop` (schema.org Event properties); the server checks the entry on
 * save and refuses an invalid one with its reason, which the editor shows as the save error.
 */
(function (wp, config) {
  'use strict';
  if (!wp || !config || !wp.plugins) return;
  var el = wp.element.createElement;
  var Fragment = wp.element.Fragment;
  var __ = wp.i18n.__;
  var useSelect = wp.data.useSelect;
  var useDispatch = wp.data.useDispatch;
  var c = wp.components;
  // WordPress 6.6 moved the panel slot to wp.editor; wp.editPost keeps it for older versions.
  var Panel =
    (wp.editor && wp.editor.PluginDocumentSettingPanel) || (wp.editPost && wp.editPost.PluginDocumentSettingPanel);
  if (!Panel) return;
  var META = 'iigp_workshop';
  var SCHEMA = 'https://schema.org/';

  /** The stored value as an object ({} when there is none: WordPress gives [] for an empty object meta). */
  function details(meta) {
    var value = meta && meta[META];
    return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
  }
  /** "2026-09-12T09:00:00-04:00" shown as its wall-clock part, which is the workshop's own zone's time. */
  function wall(value, allDay) {
    if (typeof value !== 'string') return '';
    return allDay ? value.slice(0, 10) : value.slice(0, 16);
  }
  function isAllDay(value) {
    return typeof value.startDate === 'string' && /^\d{4}-\d\d-\d\d$/.test(value.startDate);
  }
  function httpUrl(value) {
    return !value || /^https?:\/\/[^\s/]+/i.test(value);
  }
  /** What the server will refuse, said before saving (the server has the last word). */
  function problems(value) {
    var out = [];
    var start = wall(value.startDate, isAllDay(value));
    var end = wall(value.endDate, isAllDay(value));
    if (Object.keys(value).length && !start) out.push(__('Enter the start.', 'iigp-widgets'));
    if (start && end && (isAllDay(value) ? end < start : end <= start))
      out.push(__('The end must be after the start.', 'iigp-widgets'));
    var location = value.location || {};
    if (!httpUrl(location.url)) out.push(__('The join link must be an http(s) URL.', 'iigp-widgets'));
    if (!httpUrl((value.offers || {}).url))
      out.push(__('The registration URL must be an http(s) URL.', 'iigp-widgets'));
    if (value.eventStatus === SCHEMA + 'EventMovedOnline' && !location.url)
      out.push(__('A workshop moved online needs its join link.', 'iigp-widgets'));
    return out;
  }
  /** The panel's status choice, from eventStatus and offers.availability. */
  function statusOf(value) {
    if (
      (value.offers || {}).availability === SCHEMA + 'SoldOut' &&
      (!value.eventStatus || value.eventStatus === SCHEMA + 'EventScheduled')
    )
      return 'soldout';
    return (value.eventStatus || SCHEMA + 'EventScheduled').replace(SCHEMA, '');
  }

  function WorkshopPanel() {
    var state = useSelect(function (select) {
      var editor = select('core/editor');
      return {
        type: editor.getCurrentPostType(),
        categories: editor.getEditedPostAttribute('categories') || [],
        meta: editor.getEditedPostAttribute('meta') || {},
      };
    }, []);
    var editPost = useDispatch('core/editor').editPost;
    var inCategory = state.categories.some(function (id) {
      return config.categories.indexOf(Number(id)) >= 0;
    });
    if ((state.type !== 'post' && state.type !== 'page') || !inCategory) return null;

    var value = details(state.meta);
    var allDay = isAllDay(value);
    var online = !!(value.location && 'url' in value.location);
    /** Writes the whole entry (one meta); empty strings are dropped by the server. */
    function set(changes) {
      var next = Object.assign({ timeZone: config.siteZone }, value, changes);
      var meta = {};
      meta[META] = next;
      editPost({ meta: meta });
    }
    function setIn(key, changes) {
      var part = {};
      part[key] = Object.assign({}, value[key] || {}, changes);
      set(part);
    }
    function setDate(key) {
      return function (text) {
        var part = {};
        part[key] = text;
        set(part);
      };
    }
    var performers = Array.isArray(value.performer) ? value.performer : [];
    var named = performers.filter(function (p) {
      return typeof p === 'string';
    });
    var faculty = performers.filter(function (p) {
      return p && typeof p === 'object';
    });
    function setPerformers(names, pages) {
      set({ performer: names.concat(pages) });
    }
    var facultyUrls = faculty.map(function (p) {
      return p.url;
    });
    var status = statusOf(value);
    var issues = problems(value);

    return el(
      Panel,
      {
        name: 'iigp-workshop',
        title: __('Workshop', 'iigp-widgets'),
        className: 'iigp-workshop-panel',
        icon: 'calendar-alt',
      },
      issues.length
        ? el(
            c.Notice,
            { status: 'warning', isDismissible: false, className: 'iigp-workshop-problems' },
            issues.join(' '),
          )
        : null,
      el(c.ToggleControl, {
        label: __('All day', 'iigp-widgets'),
        checked: allDay,
        onChange: function (on) {
          var start = wall(value.startDate, allDay);
          var end = wall(value.endDate, allDay);
          set({
            startDate: start ? (on ? start.slice(0, 10) : start.slice(0, 10) + 'T09:00') : '',
            endDate: end ? (on ? end.slice(0, 10) : end.slice(0, 10) + 'T17:00') : '',
          });
        },
      }),
      el(c.TextControl, {
        label: __('Start', 'iigp-widgets'),
        type: allDay ? 'date' : 'datetime-local',
        value: wall(value.startDate, allDay),
        onChange: setDate('startDate'),
        className: 'iigp-workshop-start',
      }),
      el(c.TextControl, {
        label: __('End', 'iigp-widgets'),
        type: allDay ? 'date' : 'datetime-local',
        value: wall(value.endDate, allDay),
        onChange: setDate('endDate'),
        className: 'iigp-workshop-end',
      }),
      el(c.SelectControl, {
        label: __('Time zone', 'iigp-widgets'),
        value: value.timeZone || config.siteZone,
        options: config.zones.map(function (zone) {
          return { label: zone, value: zone };
        }),
        onChange: function (zone) {
          set({ timeZone: zone });
        },
        className: 'iigp-workshop-zone',
      }),
      el(c.RadioControl, {
        label: __('Where', 'iigp-widgets'),
        selected: online ? 'online' : 'place',
        options: [
          { label: __('A place', 'iigp-widgets'), value: 'place' },
          { label: __('Online', 'iigp-widgets'), value: 'online' },
        ],
        onChange: function (where) {
          set({ location: where === 'online' ? { url: '' } : { name: '', address: '' } });
        },
      }),
      online
        ? el(c.TextControl, {
            label: __('Join link', 'iigp-widgets'),
            type: 'url',
            value: value.location.url || '',
            onChange: function (url) {
              set({ location: { url: url } });
            },
            className: 'iigp-workshop-join',
          })
        : el(
            Fragment,
            null,
            el(c.TextControl, {
              label: __('Place', 'iigp-widgets'),
              value: (value.location || {}).name || '',
              onChange: function (name) {
                setIn('location', { name: name });
              },
              className: 'iigp-workshop-place',
            }),
            el(c.TextareaControl, {
              label: __('Address', 'iigp-widgets'),
              rows: 2,
              value: (value.location || {}).address || '',
              onChange: function (address) {
                setIn('location', { address: address });
              },
              className: 'iigp-workshop-address',
            }),
          ),
      el(c.TextareaControl, {
        label: __('Presenters (one per line)', 'iigp-widgets'),
        rows: 2,
        value: named.join('\n'),
        onChange: function (text) {
          setPerformers(text.split('\n'), faculty);
        },
        className: 'iigp-workshop-presenters',
      }),
      config.faculty.length
        ? el(
            c.BaseControl,
            { label: __('Presenters from the faculty', 'iigp-widgets'), id: 'iigp-workshop-faculty' },
            config.faculty.map(function (page) {
              return el(c.CheckboxControl, {
                key: page.url,
                label: page.name,
                checked: facultyUrls.indexOf(page.url) >= 0,
                onChange: function (on) {
                  var pages = faculty.filter(function (p) {
                    return p.url !== page.url;
                  });
                  if (on) pages.push({ name: page.name, url: page.url });
                  setPerformers(named, pages);
                },
              });
            }),
          )
        : null,
      el(c.TextControl, {
        label: __('CE credits', 'iigp-widgets'),
        help: __('For example: 6 CE hours, Michigan Board of Social Work', 'iigp-widgets'),
        value: value.ceCredits || '',
        onChange: function (text) {
          set({ ceCredits: text });
        },
        className: 'iigp-workshop-credits',
      }),
      el(c.TextControl, {
        label: __('Price (0 when free)', 'iigp-widgets'),
        type: 'number',
        min: 0,
        step: 'any',
        value: (value.offers || {}).price || '',
        onChange: function (price) {
          setIn('offers', { price: price, priceCurrency: (value.offers || {}).priceCurrency || 'USD' });
        },
        className: 'iigp-workshop-price',
      }),
      el(c.TextControl, {
        label: __('Registration URL', 'iigp-widgets'),
        type: 'url',
        value: (value.offers || {}).url || '',
        onChange: function (url) {
          setIn('offers', { url: url });
        },
        className: 'iigp-workshop-registration',
      }),
      el(c.SelectControl, {
        label: __('Status', 'iigp-widgets'),
        value: status,
        options: [
          { label: __('Scheduled', 'iigp-widgets'), value: 'EventScheduled' },
          { label: __('Cancelled', 'iigp-widgets'), value: 'EventCancelled' },
          { label: __('Postponed', 'iigp-widgets'), value: 'EventPostponed' },
          { label: __('Sold out', 'iigp-widgets'), value: 'soldout' },
          { label: __('Moved online', 'iigp-widgets'), value: 'EventMovedOnline' },
        ],
        onChange: function (choice) {
          var offers = Object.assign({}, value.offers || {});
          offers.availability = choice === 'soldout' ? SCHEMA + 'SoldOut' : '';
          var changes = { eventStatus: SCHEMA + (choice === 'soldout' ? 'EventScheduled' : choice), offers: offers };
          if (choice === 'EventMovedOnline' && !online) changes.location = { url: '' };
          set(changes);
        },
        className: 'iigp-workshop-status',
      }),
      Object.keys(value).length
        ? el(
            c.Button,
            {
              variant: 'link',
              isDestructive: true,
              onClick: function () {
                var meta = {};
                meta[META] = null;
                editPost({ meta: meta });
              },
            },
            __('Remove the workshop details', 'iigp-widgets'),
          )
        : null,
    );
  }

  wp.plugins.registerPlugin('iigp-workshop', { render: WorkshopPanel, icon: 'calendar-alt' });
})(window.wp, window.iigpWorkshopPanel);
