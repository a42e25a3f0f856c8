// Small enhancements over server-rendered pages. Every page works without this file; it only makes some things
// nicer: no double submit, table labels for the card view, searchable pickers. Kept as a static file so the
// Content-Security-Policy can allow scripts from 'self' only.
(function () {
    'use strict';

    // --- No double submit: after the first submit of a POST form its submit buttons are disabled. ---------------
    // Capture phase on window: runs before Blazor's enhanced-form handler on document, so a second submit
    // (Enter in a field, a second click) never reaches it.
    window.addEventListener('submit', function (event) {
        var form = event.target;
        if (!(form instanceof HTMLFormElement) || (form.getAttribute('method') || 'get').toLowerCase() !== 'post') {
            return;
        }
        if (form.hasAttribute('data-submitting')) {
            event.preventDefault();
            event.stopImmediatePropagation();
            return;
        }
        form.setAttribute('data-submitting', '');
        // A disabled button sends no name/value: the clicked one's travels in a hidden copy.
        var submitter = event.submitter;
        if (submitter && submitter.name) {
            var copy = document.createElement('input');
            copy.type = 'hidden';
            copy.name = submitter.name;
            copy.value = submitter.value;
            copy.setAttribute('data-submitter-copy', '');
            form.appendChild(copy);
        }
        form.querySelectorAll('button[type=submit], button:not([type]), input[type=submit]').forEach(function (button) {
            button.disabled = true;
            button.setAttribute('data-disabled-by-submit', '');
        });
        // A download or a lost connection never replaces the page: allow another try after a while.
        setTimeout(function () { release(form); }, 15000);
    }, true);

    function release(form) {
        form.removeAttribute('data-submitting');
        form.querySelectorAll('[data-submitter-copy]').forEach(function (copy) { copy.remove(); });
        form.querySelectorAll('[data-disabled-by-submit]').forEach(function (button) {
            button.disabled = false;
            button.removeAttribute('data-disabled-by-submit');
        });
    }

    function releaseAll() {
        document.querySelectorAll('form[data-submitting]').forEach(release);
    }

    // --- Form fields (the shared FormField): the input points at its help text and its error message. ------
    function describeFields(root) {
        root.querySelectorAll('[data-field]').forEach(function (field) {
            var id = field.getAttribute('data-field');
            var control = id ? document.getElementById(id) : null;
            if (control && control.hasAttribute('data-picker-input')) {
                control = document.getElementById(control.getAttribute('data-picker-input'));
            }
            if (!control) { return; }
            var ids = (control.getAttribute('aria-describedby') || '').split(' ').filter(function (x) {
                return x && x !== id + '-help' && x !== id + '-error';
            });
            if (document.getElementById(id + '-help')) { ids.push(id + '-help'); }
            var error = document.getElementById(id + '-error');
            if (error && error.textContent.trim() !== '') { ids.push(id + '-error'); }
            if (ids.length > 0) { control.setAttribute('aria-describedby', ids.join(' ')); }
            else { control.removeAttribute('aria-describedby'); }
        });
    }

    // --- Cards on narrow screens: each cell learns its column name. ------------------------------------------
    function labelTables(root) {
        root.querySelectorAll('table.table-cards').forEach(function (table) {
            var headers = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) {
                return th.textContent.trim();
            });
            table.querySelectorAll('tbody tr').forEach(function (row) {
                Array.prototype.forEach.call(row.children, function (cell, index) {
                    if (!cell.hasAttribute('data-label') && headers[index] !== undefined) {
                        cell.setAttribute('data-label', headers[index]);
                    }
                });
            });
        });
    }

    // --- Searchable pickers: <select data-picker-source="/api/..."> (one value) or a group of checkboxes
    // <div data-picker-source data-picker-multiple> (several) becomes a typeahead. The controls stay in the form (hidden)
    // and keep the chosen values, so the server sees the same fields as without JavaScript; the no-script search row
    // ([data-picker-nojs]) is removed. The server sends the limits (data-picker-minlength, data-picker-maxlength: the
    // search API's) and the texts in the page's language (data-picker-texts, PickerScript.Attributes); the live region
    // under the box says what a search gave: how many matches, none, too few characters, or why it failed.
    var pickerCount = 0;

    function enhancePickers(root) {
        root.querySelectorAll('[data-picker-source]:not([data-picker-ready])').forEach(enhance);
    }

    // The chosen values, whatever holds them: the options of a select or the checkboxes of a group.
    function pickerStore(control) {
        if (control.tagName === 'SELECT') {
            return {
                multiple: false,
                chosen: function () {
                    return Array.prototype.filter.call(control.options, function (o) { return o.selected && o.value !== ''; })
                        .map(function (o) { return { id: o.value, name: o.textContent.trim(), unset: function () { o.selected = false; } }; });
                },
                choose: function (item) {
                    var option = Array.prototype.find.call(control.options, function (o) { return o.value === item.id; });
                    if (!option) {
                        option = new Option(item.name, item.id);
                        control.appendChild(option);
                    }
                    Array.prototype.forEach.call(control.options, function (o) { o.selected = false; });
                    option.selected = true;
                },
                clear: function () {
                    Array.prototype.forEach.call(control.options, function (o) { o.selected = o.value === ''; });
                }
            };
        }
        var boxes = function () { return Array.prototype.slice.call(control.querySelectorAll('input[type=checkbox]')); };
        var name = (boxes()[0] || {}).name || control.getAttribute('data-picker-name');
        return {
            multiple: true,
            chosen: function () {
                return boxes().filter(function (b) { return b.checked; }).map(function (b) {
                    return { id: b.value, name: b.getAttribute('data-name') || b.value, unset: function () { b.checked = false; } };
                });
            },
            choose: function (item) {
                var box = boxes().find(function (b) { return b.value === item.id; });
                if (!box) {
                    box = document.createElement('input');
                    box.type = 'checkbox';
                    box.hidden = true;
                    box.name = name;
                    box.value = item.id;
                    box.setAttribute('data-name', item.name);
                    control.appendChild(box);
                }
                box.checked = true;
            },
            clear: function () { }
        };
    }

    function enhance(control) {
        control.setAttribute('data-picker-ready', '');
        var id = control.id || ('picker-' + (++pickerCount));
        var store = pickerStore(control);
        var multiple = store.multiple;
        var field = control.closest('.picker-field') || control.parentNode;
        // Removed, not hidden: a hidden submit button still counts as the form's default button, so Enter in any
        // field would run a picker search instead of saving the form.
        field.querySelectorAll('[data-picker-nojs]').forEach(function (element) { element.remove(); });
        var wrapper = document.createElement('div');
        wrapper.className = 'picker';
        var chips = document.createElement('div');
        chips.className = 'picker-chips';
        var input = document.createElement('input');
        input.type = 'text';
        input.className = 'form-control';
        input.id = id + '-search';
        input.autocomplete = 'off';
        input.setAttribute('role', 'combobox');
        input.setAttribute('aria-autocomplete', 'list');
        input.setAttribute('aria-expanded', 'false');
        input.setAttribute('aria-controls', id + '-list');
        input.placeholder = control.getAttribute('data-picker-placeholder') || '';
        var maxLength = parseInt(control.getAttribute('data-picker-maxlength'), 10);
        if (maxLength > 0) { input.maxLength = maxLength; }
        var label = control.id ? document.querySelector('label[for="' + control.id + '"]') : null;
        if (label) {
            label.setAttribute('for', input.id);
            if (!label.id) { label.id = id + '-label'; }
            input.setAttribute('aria-labelledby', label.id);
        }
        ['aria-describedby', 'aria-invalid', 'aria-required'].forEach(function (name) {
            if (control.hasAttribute(name)) { input.setAttribute(name, control.getAttribute(name)); }
        });
        var list = document.createElement('ul');
        list.className = 'picker-list';
        list.id = id + '-list';
        list.setAttribute('role', 'listbox');
        if (label) { list.setAttribute('aria-labelledby', label.id); }
        list.hidden = true;
        var status = document.createElement('div');
        status.className = 'picker-status form-text';
        status.id = id + '-status';
        status.setAttribute('aria-live', 'polite');

        control.parentNode.insertBefore(wrapper, control);
        wrapper.appendChild(chips);
        wrapper.appendChild(input);
        wrapper.appendChild(list);
        wrapper.appendChild(status);
        wrapper.appendChild(control);
        control.hidden = true;
        if (control.tagName === 'SELECT') { control.tabIndex = -1; }
        // The field's help text and error message now describe the search box (describeFields follows this).
        control.setAttribute('data-picker-input', input.id);
        describeFields(control.closest('[data-field]') ? control.closest('[data-field]').parentNode : document);

        var source = control.getAttribute('data-picker-source');
        var removeText = control.getAttribute('data-picker-remove') || '×';
        var texts = {};
        try { texts = JSON.parse(control.getAttribute('data-picker-texts') || '{}'); } catch (e) { texts = {}; }
        var minLength = parseInt(control.getAttribute('data-picker-minlength'), 10) || 1;
        var language = document.documentElement.lang || undefined;
        var results = [];
        var active = -1;
        var timer = null;
        var request = 0;

        function changed() { control.dispatchEvent(new Event('change', { bubbles: true })); }

        function renderChosen() {
            chips.textContent = '';
            if (!multiple) {
                var current = store.chosen()[0];
                input.value = current ? current.name : '';
                return;
            }
            store.chosen().forEach(function (item) {
                var chip = document.createElement('span');
                chip.className = 'picker-chip';
                chip.appendChild(document.createTextNode(item.name));
                var remove = document.createElement('button');
                remove.type = 'button';
                remove.textContent = '×';
                remove.setAttribute('aria-label', removeText + ': ' + item.name);
                remove.addEventListener('click', function () {
                    item.unset();
                    changed();
                    renderChosen();
                    input.focus();
                });
                chip.appendChild(remove);
                chips.appendChild(chip);
            });
        }

        // What the live region says; an error stays until the next search, a count or hint goes with the list.
        function say(text, error) {
            status.classList.toggle('text-danger', !!error);
            status.toggleAttribute('data-error', !!error);
            if (status.textContent !== text) { status.textContent = text || ''; }
        }

        function format(template, numbers) {
            return (template || '').replace(/\{(\d)\}/g, function (all, index) {
                var n = numbers[Number(index)];
                return n === undefined ? all : Number(n).toLocaleString(language);
            });
        }

        function close() {
            if (!status.hasAttribute('data-error')) { say(''); }
            list.hidden = true;
            input.setAttribute('aria-expanded', 'false');
            input.removeAttribute('aria-activedescendant');
            active = -1;
        }

        // The matches in the list and their count in the live region (quiet: the caller says something else).
        function show(items, total, quiet) {
            results = items;
            list.textContent = '';
            active = -1;
            items.forEach(function (item, index) {
                var li = document.createElement('li');
                li.id = id + '-option-' + index;
                li.setAttribute('role', 'option');
                li.setAttribute('aria-selected', 'false');
                li.setAttribute('data-value', item.id);
                li.appendChild(document.createTextNode(item.name));
                if (item.hint) {
                    var hint = document.createElement('span');
                    hint.className = 'picker-hint';
                    hint.textContent = item.hint;
                    li.appendChild(hint);
                }
                li.addEventListener('mousedown', function (e) { e.preventDefault(); pick(index); });
                list.appendChild(li);
            });
            list.hidden = items.length === 0;
            input.setAttribute('aria-expanded', items.length > 0 ? 'true' : 'false');
            if (quiet) { return; }
            if (items.length === 0) { say(texts.none || ''); }
            else if (total > items.length) { say(format(texts.some, [items.length, total])); }
            else { say(format(items.length === 1 ? texts.one : texts.other, [items.length])); }
        }

        function fail(text) {
            show([], 0, true);
            say(text || texts.failed || '', true);
        }

        // A refused term (400): the server's message for the field in the page's language, else the general one.
        function refusal(problem) {
            var errors = (problem && problem.errors) || {};
            var key = Object.keys(errors).find(function (k) { return k.toLowerCase() === 'q'; }) || Object.keys(errors)[0];
            var messages = key ? errors[key] : null;
            return (messages && messages.length && messages[0]) || (problem && problem.detail) || texts.rejected;
        }

        function highlight(index) {
            var options = list.children;
            if (options.length === 0) { return; }
            active = (index + options.length) % options.length;
            Array.prototype.forEach.call(options, function (li, i) { li.setAttribute('aria-selected', i === active ? 'true' : 'false'); });
            input.setAttribute('aria-activedescendant', options[active].id);
            options[active].scrollIntoView({ block: 'nearest' });
        }

        function pick(index) {
            var item = results[index];
            if (!item) { return; }
            store.choose(item);
            changed();
            close();
            renderChosen();
            if (multiple) { input.value = ''; }
        }

        function search() {
            var term = input.value.trim();
            var mine = ++request;
            if (term.length === 0) { show([], 0, true); say(''); return; }
            if (term.length < minLength) { show([], 0, true); say(format(texts.short, [minLength])); return; }
            var url = source + (source.indexOf('?') < 0 ? '?' : '&') + 'pageSize=20&q=' + encodeURIComponent(term);
            fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
                .then(function (response) {
                    if (response.ok) { return response.json().then(function (data) { return { data: data }; }); }
                    if (response.status === 400) {
                        return response.json().then(function (problem) { return { error: refusal(problem) }; },
                            function () { return { error: texts.rejected }; });
                    }
                    if (response.status === 401) { return { error: texts.signedOut }; }
                    if (response.status === 403) { return { error: texts.forbidden }; }
                    return { error: texts.failed };
                })
                .then(function (answer) {
                    if (mine !== request) { return; }
                    if (answer.error !== undefined) { fail(answer.error); return; }
                    var data = answer.data || {};
                    var items = (data.items || []).filter(function (item) { return item.id && item.name; }).map(function (item) {
                        return { id: String(item.id), name: item.name, hint: item.hint || '' };
                    });
                    show(items, typeof data.totalCount === 'number' ? data.totalCount : items.length);
                })
                // The network is gone, or the answer was no JSON (a proxy's error page): the search failed.
                .catch(function () { if (mine === request) { fail(texts.failed); } });
        }

        input.addEventListener('input', function () {
            clearTimeout(timer);
            if (!multiple && input.value.trim() === '') { store.clear(); changed(); }
            timer = setTimeout(search, 200);
        });
        input.addEventListener('keydown', function (e) {
            if (e.key === 'ArrowDown') { e.preventDefault(); if (list.hidden) { search(); } else { highlight(active + 1); } }
            else if (e.key === 'ArrowUp') { e.preventDefault(); highlight(active - 1); }
            else if (e.key === 'Enter' && !list.hidden && active >= 0) { e.preventDefault(); pick(active); }
            else if (e.key === 'Enter' && !list.hidden) { e.preventDefault(); }
            else if (e.key === 'Escape') { close(); }
        });
        input.addEventListener('blur', function () { setTimeout(function () { close(); if (!multiple) { renderChosen(); } }, 150); });
        renderChosen();
    }

    // --- Background work: an element with data-poll-url shows work still running (e.g. a report refresh). Its JSON
    // is asked for every 2 s; once the field data-poll-field no longer holds one of data-poll-pending, the page reloads
    // to show the result. Without this script the element's own link reloads the page.
    function pollPending(root) {
        root.querySelectorAll('[data-poll-url]:not([data-polling])').forEach(function (element) {
            element.setAttribute('data-polling', '');
            var pending = (element.getAttribute('data-poll-pending') || '').split(' ');
            var field = element.getAttribute('data-poll-field');
            var timer = setInterval(function () {
                if (!element.isConnected) { clearInterval(timer); return; }
                fetch(element.getAttribute('data-poll-url'), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
                    .then(function (response) { return response.ok ? response.json() : null; })
                    .then(function (body) {
                        if (body && pending.indexOf(String(body[field])) < 0) {
                            clearInterval(timer);
                            window.location.reload();
                        }
                    })
                    .catch(function () { /* try again on the next tick */ });
            }, 2000);
        });
    }

    function onLoad() {
        releaseAll();
        pollPending(document);
        describeFields(document);
        labelTables(document);
        enhancePickers(document);
        // The menu closes after following one of its links.
        var toggle = document.getElementById('nav-toggle');
        if (toggle) { toggle.checked = false; }
    }

    // For content added later by a page's own script: window.Alliance.enhance(element).
    window.Alliance = { enhance: function (root) { describeFields(root); labelTables(root); enhancePickers(root); } };

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', onLoad);
    } else {
        onLoad();
    }
    // Blazor's enhanced navigation and form posts replace the page content without a new page load.
    if (window.Blazor && typeof window.Blazor.addEventListener === 'function') {
        window.Blazor.addEventListener('enhancedload', onLoad);
    }
    window.addEventListener('pageshow', releaseAll);
}());
