(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('eg-data').textContent);
  const $ = (id) => document.getElementById(id);
  const actors = new Map(data.actors.map((a) => [a.id, a]));
  const events = new Map(data.events.map((e) => [e.id, e]));
  const relations = new Map(data.relations.map((r) => [r.id, r]));
  const svg = document.querySelector('#eg-diagram svg');
  const norm = (s) => String(s == null ? '' : s).normalize('NFKC').toLocaleLowerCase().trim();
  const esc = (s) => String(s == null ? '' : s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  // The page's data carries only http, https and mailto URLs as links (SafeURL in Swift);
  // this check repeats the rule so no other scheme ever becomes a link.
  const safeURL = (u) => {
    if (typeof u !== 'string') return null;
    const t = u.replace(/^[\u0000-\u0020\u007f\s]+|[\u0000-\u0020\u007f\s]+$/g, '').replace(/[\t\n\r]/g, '');
    const m = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(t);
    if (!m || !['http', 'https', 'mailto'].includes(m[1].toLowerCase())) return null;
    return /[\u0000-\u001f\u007f]/.test(t) ? null : t;
  };
  const dayText = (d) => new Date(d * 86400000).toISOString().slice(0, 10);
  const nameOf = (id) => actors.has(id) ? actors.get(id).name : events.has(id) ? events.get(id).title : id;
  const nodeEl = (id) => document.getElementById('eg-n-' + id);
  const participants = (e) => e.roles.flatMap((r) => r[1]);
  const allNames = (a) => [a.id, a.name, a.canonical, ...Object.values(a.names), ...a.aliases];
  const usedClaims = data.claims.filter((c) => data.events.some((e) => e.claim === c));

  const periods = data.activity ? data.activity.periods.map((p) => ({ name: p[0], title: p[1], first: p[2], last: p[3], count: p[4] })) : [];
  const state = {
    kinds: new Set(data.kinds.map((k) => k.kind)),
    claims: new Set(data.claims),
    asOf: data.last,
    query: '',
    path: null,
    visible: null,
  };

  // What each SVG element stands for.
  const info = new Map();
  for (const a of data.actors) info.set('eg-n-' + a.id, { type: 'actor', id: a.id });
  for (const e of data.events) info.set('eg-n-' + e.id, { type: 'event', id: e.id });
  for (const edge of data.edges) {
    if (edge.link && events.has(edge.link)) info.set(edge.id, { type: 'event', id: edge.link });
    else if (edge.link && relations.has(edge.link)) info.set(edge.id, { type: 'relation', id: edge.link });
  }
  // Graphviz's own <title> elements would show plain tooltips over ours.
  if (svg) svg.querySelectorAll('title').forEach((t) => t.remove());

  // ---- Visibility: kinds, claims, time ---------------------------------------------------
  const filtering = () => state.kinds.size !== data.kinds.length || data.claims.some((c) => !state.claims.has(c))
    || (data.last != null && state.asOf < data.last);
  const eventVisible = (e) => state.kinds.has(e.kind) && state.claims.has(e.claim) && (state.asOf == null || e.first <= state.asOf);
  const relationVisible = (r) => state.kinds.has(r.kind) && (r.first == null || state.asOf == null || r.first <= state.asOf);

  function computeVisible() {
    const ev = new Set(), rel = new Set(), act = new Set();
    for (const e of data.events) if (eventVisible(e)) ev.add(e.id);
    for (const r of data.relations) if (relationVisible(r)) rel.add(r.id);
    for (const id of ev) for (const p of participants(events.get(id))) if (actors.has(p)) act.add(p);
    for (const id of rel) { const r = relations.get(id); act.add(r.from); act.add(r.to); }
    if (!filtering()) for (const a of data.actors) act.add(a.id);
    return { ev, rel, act };
  }

  function show(el, on) { if (el) el.style.display = on ? '' : 'none'; }

  function apply() {
    const v = computeVisible();
    state.visible = v;
    for (const a of data.actors) show(nodeEl(a.id), v.act.has(a.id));
    for (const e of data.events) show(nodeEl(e.id), v.ev.has(e.id));
    for (const edge of data.edges) {
      let on = true;
      if (edge.link && events.has(edge.link)) on = v.ev.has(edge.link);
      else if (edge.link && relations.has(edge.link)) on = v.rel.has(edge.link);
      for (const end of [edge.from, edge.to]) {
        if (actors.has(end)) on = on && v.act.has(end);
        else if (events.has(end)) on = on && v.ev.has(end);
      }
      show(document.getElementById(edge.id), on);
    }
    const shown = $('eg-shown');
    shown.textContent = `Showing ${v.act.size} of ${data.actors.length} actors, ${v.ev.size} of ${data.events.length} events, ${v.rel.size} of ${data.relations.length} relations`;
    shown.dataset.actors = v.act.size;
    shown.dataset.events = v.ev.size;
    shown.dataset.relations = v.rel.size;
    const label = $('eg-asof-label');
    if (data.last == null) label.textContent = 'No dated events.';
    else label.textContent = state.asOf >= data.last ? `All dates (to ${dayText(data.last)})` : `As of ${dayText(state.asOf)}`;
    label.dataset.day = state.asOf == null ? '' : dayText(state.asOf);
    const current = periods.find((p) => p.first <= state.asOf && state.asOf <= p.last);
    label.dataset.period = current ? current.name : '';
    for (const p of periods) if (p.bar) p.bar.classList.toggle('eg-past', state.asOf != null && p.first <= state.asOf);
    search();
    highlightPath();
  }

  // ---- Search ------------------------------------------------------------------------------
  function search() {
    const q = norm(state.query);
    document.querySelectorAll('#eg-diagram .eg-match').forEach((el) => el.classList.remove('eg-match'));
    const list = $('eg-results');
    list.innerHTML = '';
    if (!q) { if (svg) svg.classList.remove('eg-searching'); $('eg-search-status').textContent = ''; return; }
    const found = data.actors.filter((a) => allNames(a).some((n) => norm(n).includes(q)));
    if (svg) svg.classList.add('eg-searching');
    for (const a of found) {
      const el = nodeEl(a.id);
      if (el) el.classList.add('eg-match');
      const other = allNames(a).filter((n) => norm(n).includes(q) && n !== a.name && n !== a.id);
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.id = a.id;
      button.innerHTML = `<b>${esc(a.name)}</b> <span class="eg-status">${esc(a.kindLabel)}${other.length ? ' · ' + esc(other.join(', ')) : ''}</span>`;
      button.addEventListener('click', () => { details({ type: 'actor', id: a.id }); if (el && el.scrollIntoView) el.scrollIntoView({ block: 'center', inline: 'center' }); });
      li.appendChild(button);
      list.appendChild(li);
    }
    const hidden = found.filter((a) => state.visible && !state.visible.act.has(a.id)).length;
    $('eg-search-status').textContent = `${found.length} ${found.length === 1 ? 'match' : 'matches'}${hidden ? ` (${hidden} hidden by filters)` : ''}`;
    $('eg-search-status').dataset.count = found.length;
  }

  // ---- Details -----------------------------------------------------------------------------
  function evidenceHTML(sources) {
    return sources.map((s) => {
      const title = esc(s.title || s.source) + (s.publisher ? ' — ' + esc(s.publisher) : '');
      const link = safeURL(s.url);
      const cite = link ? `<a href="${esc(link)}" rel="noreferrer">${title}</a>`
        : title + (s.url || s.urlText ? ` (${esc(s.url || s.urlText)})` : '');
      return (s.quote ? `<blockquote>${esc(s.quote)}</blockquote>` : '') + `<cite>${cite} [${esc(s.source)}]${s.note ? ' — ' + esc(s.note) : ''}</cite>`;
    }).join('');
  }

  function dl(rows) {
    const items = rows.filter((r) => r[1] != null && r[1] !== '');
    return items.length ? '<dl>' + items.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join('') + '</dl>' : '';
  }

  function details(item) {
    const box = $('eg-details');
    box.dataset.type = item.type;
    box.dataset.id = item.id;
    if (item.type === 'actor') {
      const a = actors.get(item.id);
      const inEvents = data.events.filter((e) => participants(e).includes(a.id));
      const inRelations = data.relations.filter((r) => r.from === a.id || r.to === a.id);
      box.innerHTML = `<h3>${esc(a.name)}</h3><p class="eg-kind">${esc(a.kindLabel)}${a.country ? ' · ' + esc(a.country) : ''}</p>`
        + dl([...Object.entries(a.names).map(([lang, n]) => [lang, esc(n)]), ['aliases', esc(a.aliases.join(', '))], ['about', esc(a.description || '')]])
        + (inEvents.length ? '<b>Events</b><ul>' + inEvents.map((e) => `<li>${esc(e.date)} · ${esc(e.title)}${e.claim !== 'asserted' ? ' <i>(' + esc(e.claim) + ')</i>' : ''}</li>`).join('') + '</ul>' : '')
        + (inRelations.length ? '<b>Relations</b><ul>' + inRelations.map((r) => `<li>${esc(nameOf(r.from))} — ${esc(r.kindLabel)}${r.role ? ' (' + esc(r.role) + ')' : ''} — ${esc(nameOf(r.to))}</li>`).join('') + '</ul>' : '');
    } else if (item.type === 'event') {
      const e = events.get(item.id);
      box.innerHTML = `<h3>${esc(e.title)}</h3><p class="eg-kind">${esc(e.kindLabel)} · ${esc(e.date)} (${dayText(e.first)} … ${dayText(e.last)})</p>`
        + dl([...e.roles.map(([role, ids]) => [role, ids.map((id) => esc(nameOf(id))).join(', ')]),
          ['amount', esc(e.amount || '')], ['status', esc(e.status || '')],
          ['claim', esc(e.claim) + (e.claimedBy ? ' by ' + esc(nameOf(e.claimedBy)) : '')],
          ['date', e.dateBasis && e.dateBasis !== 'stated'
            ? esc(e.dateBasis) + (e.dateSource ? ' (from ' + esc(e.dateSource) + ')' : '') + (e.dateNote ? ': ' + esc(e.dateNote) : '') : ''],
          ['about', esc(e.description || '')]])
        + evidenceHTML(e.sources);
    } else {
      const r = relations.get(item.id);
      box.innerHTML = `<h3>${esc(nameOf(r.from))} — ${esc(r.kindLabel)} — ${esc(nameOf(r.to))}</h3><p class="eg-kind">relation${r.directed ? '' : ' (undirected)'}</p>`
        + dl([['role', esc(r.role || '')], ['since', esc(r.since || '')], ['until', esc(r.until || '')]])
        + (r.sources.length ? evidenceHTML(r.sources) : '<span class="eg-status">No source cited.</span>');
    }
  }

  let hovered = null;
  $('eg-diagram').addEventListener('mouseover', (event) => {
    const g = event.target.closest ? event.target.closest('g.node, g.edge') : null;
    if (!g || !info.has(g.id)) return;
    if (hovered) hovered.classList.remove('eg-hover');
    hovered = g;
    g.classList.add('eg-hover');
    details(info.get(g.id));
  });
  $('eg-diagram').addEventListener('click', (event) => {
    const g = event.target.closest ? event.target.closest('g.node') : null;
    if (!g || !info.has(g.id) || info.get(g.id).type !== 'actor') return;
    const a = actors.get(info.get(g.id).id);
    const from = $('eg-path-from'), to = $('eg-path-to');
    if (!from.value || (from.value && to.value)) { from.value = a.name; to.value = ''; } else { to.value = a.name; findAndShowPath(); }
  });

  // ---- Paths -------------------------------------------------------------------------------
  function resolveActor(text) {
    const q = norm(text);
    if (!q) return { error: 'Name two actors.' };
    const hits = data.actors.filter((a) => allNames(a).some((n) => norm(n) === q));
    if (hits.length === 1) return { id: hits[0].id };
    if (hits.length > 1) return { error: `'${text}' names ${hits.map((a) => a.id).join(' and ')}.` };
    return { error: `No actor is named '${text}'.` };
  }

  // Dijkstra over actors and links (events, relations): actor–link steps weigh 1, event–event
  // steps (an event named in another's role) weigh 2, so a path's weight is twice its links.
  function shortestPath(from, to) {
    const v = state.visible;
    const adj = new Map();
    const add = (x, y, w) => {
      if (!adj.has(x)) adj.set(x, []);
      if (!adj.has(y)) adj.set(y, []);
      adj.get(x).push([y, w]);
      adj.get(y).push([x, w]);
    };
    for (const id of v.ev) {
      for (const p of participants(events.get(id))) {
        if (actors.has(p) && v.act.has(p)) add('l:' + id, 'a:' + p, 1);
        else if (events.has(p) && v.ev.has(p)) add('l:' + id, 'l:' + p, 2);
      }
    }
    for (const id of v.rel) { const r = relations.get(id); add('l:' + id, 'a:' + r.from, 1); add('l:' + id, 'a:' + r.to, 1); }
    const start = 'a:' + from, goal = 'a:' + to;
    const dist = new Map([[start, 0]]), prev = new Map(), done = new Set();
    for (;;) {
      let best = null;
      for (const [k, d] of dist) if (!done.has(k) && (best === null || d < dist.get(best) || (d === dist.get(best) && k < best))) best = k;
      if (best === null) return null;
      if (best === goal) break;
      done.add(best);
      const neighbours = (adj.get(best) || []).slice().sort((p, q) => (p[0] < q[0] ? -1 : p[0] > q[0] ? 1 : 0));
      for (const [n, w] of neighbours) {
        if (done.has(n)) continue;
        // An actor other than the goal may be passed through; links always may.
        const d = dist.get(best) + w;
        if (!dist.has(n) || d < dist.get(n)) { dist.set(n, d); prev.set(n, best); }
      }
    }
    const keys = [goal];
    while (keys[0] !== start) keys.unshift(prev.get(keys[0]));
    return { keys, length: dist.get(goal) / 2 };
  }

  function highlightPath() {
    document.querySelectorAll('#eg-diagram .eg-path').forEach((el) => el.classList.remove('eg-path'));
    if (svg) svg.classList.remove('eg-pathmode');
    const out = $('eg-path-result');
    if (!state.path) { out.innerHTML = ''; delete out.dataset.length; return; }
    const found = shortestPath(state.path.from, state.path.to);
    if (!found) {
      out.innerHTML = `No path between ${esc(nameOf(state.path.from))} and ${esc(nameOf(state.path.to))} in what is shown.`;
      out.dataset.length = 'none';
      return;
    }
    const ids = found.keys.map((k) => k.slice(2));
    const onPath = new Set(ids);
    const steps = [];
    for (const key of found.keys) {
      const id = key.slice(2);
      if (key.startsWith('a:')) {
        steps.push(`<li><b>${esc(nameOf(id))}</b></li>`);
      } else if (events.has(id)) {
        const e = events.get(id);
        steps.push(`<li>${esc(e.kindLabel)} · ${esc(e.date)}: ${esc(e.title)}${e.sources[0] && e.sources[0].quote ? `<br><q>${esc(e.sources[0].quote)}</q> [${esc(e.sources[0].source)}]` : ''}</li>`);
      } else {
        const r = relations.get(id);
        steps.push(`<li>${esc(r.kindLabel)}${r.role ? ' (' + esc(r.role) + ')' : ''}${r.sources[0] && r.sources[0].quote ? `<br><q>${esc(r.sources[0].quote)}</q> [${esc(r.sources[0].source)}]` : ''}</li>`);
      }
    }
    out.innerHTML = `<span class="eg-len">${found.length} ${found.length === 1 ? 'link' : 'links'}</span><ol>${steps.join('')}</ol>`;
    out.dataset.length = found.length;
    out.dataset.nodes = ids.join(' ');
    if (svg) svg.classList.add('eg-pathmode');
    for (const id of ids) { const el = nodeEl(id); if (el) el.classList.add('eg-path'); }
    for (const edge of data.edges) {
      if (edge.link && onPath.has(edge.link) && onPath.has(edge.from) && onPath.has(edge.to)) {
        const el = document.getElementById(edge.id);
        if (el) el.classList.add('eg-path');
      }
    }
  }

  function findAndShowPath() {
    const from = resolveActor($('eg-path-from').value), to = resolveActor($('eg-path-to').value);
    const out = $('eg-path-result');
    if (from.error || to.error) {
      state.path = null;
      highlightPath();
      out.textContent = from.error || to.error;
      out.dataset.length = 'error';
      return;
    }
    state.path = { from: from.id, to: to.id };
    highlightPath();
  }

  // ---- Controls ----------------------------------------------------------------------------
  function checkbox(container, id, label, checked, onChange) {
    const l = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.id = id;
    box.checked = checked;
    box.addEventListener('change', () => onChange(box.checked));
    l.appendChild(box);
    l.appendChild(document.createTextNode(' ' + label));
    l.title = label;
    container.appendChild(l);
  }
  for (const k of data.kinds) {
    checkbox($('eg-kinds'), 'eg-kind-' + k.kind, k.label + (k.type === 'relation' ? ' (relation)' : ''), true, (on) => {
      if (on) state.kinds.add(k.kind); else state.kinds.delete(k.kind);
      apply();
    });
  }
  for (const c of usedClaims) {
    checkbox($('eg-claims'), 'eg-claim-' + c, c, true, (on) => { if (on) state.claims.add(c); else state.claims.delete(c); apply(); });
  }
  const setAllKinds = (on) => {
    for (const k of data.kinds) { $('eg-kind-' + k.kind).checked = on; if (on) state.kinds.add(k.kind); else state.kinds.delete(k.kind); }
    apply();
  };
  $('eg-kinds-all').addEventListener('click', () => setAllKinds(true));
  $('eg-kinds-none').addEventListener('click', () => setAllKinds(false));

  const names = $('eg-actor-names');
  for (const a of data.actors) { const o = document.createElement('option'); o.value = a.name; names.appendChild(o); }

  // ---- Time: the slider, its activity strip and the play button -----------------------------
  // The periods (month, quarter or year, whichever fits) come from the data (EventActivity).
  const slider = $('eg-asof');
  const play = $('eg-play');
  let playing = null;
  const setAsOf = (day) => { state.asOf = Math.max(data.first, Math.min(day, data.last)); slider.value = state.asOf; apply(); };
  const stopPlaying = () => {
    if (playing) clearInterval(playing);
    playing = null;
    play.textContent = '▶ Play';
    play.setAttribute('aria-pressed', 'false');
  };
  // One step: the end of the next period after the slider's date; stops at the last.
  const stepForward = () => {
    const next = periods.find((p) => Math.min(p.last, data.last) > state.asOf);
    if (next) setAsOf(next.last);
    if (!next || state.asOf >= data.last) stopPlaying();
  };
  if (data.first != null) {
    slider.min = data.first;
    slider.max = data.last;
    slider.step = 1;
    slider.value = data.last;
    slider.addEventListener('input', () => { state.asOf = Number(slider.value); apply(); });
    const strip = $('eg-activity');
    const span = data.last - data.first + 1;
    for (const p of periods) {
      const from = Math.max(p.first, data.first), to = Math.min(p.last, data.last);
      const bar = document.createElement('div');
      bar.className = 'eg-bar';
      bar.style.left = ((from - data.first) / span * 100) + '%';
      bar.style.width = `calc(${(to - from + 1) / span * 100}% - 1px)`;
      bar.style.height = (p.count / data.activity.peak * 100) + '%';
      bar.title = `${p.title}: ${p.count} ${p.count === 1 ? 'event' : 'events'}`;
      bar.dataset.period = p.name;
      bar.dataset.count = p.count;
      bar.addEventListener('click', () => { stopPlaying(); setAsOf(p.last); });
      p.bar = bar;
      strip.appendChild(bar);
    }
    // Periods: a band over the days each covers (clipped to the slider), on its stacking row;
    // clicking one moves the slider to its end. Colours are StyleValue-checked in Swift.
    const eras = $('eg-periods');
    const rows = data.periods.reduce((n, p) => Math.max(n, p.row + 1), 0);
    eras.style.height = (rows * 17) + 'px';
    for (const p of data.periods) {
      const from = Math.max(p.first, data.first), to = Math.min(p.last, data.last);
      if (to < from) continue;
      const band = document.createElement('div');
      band.className = 'eg-period';
      band.style.left = ((from - data.first) / span * 100) + '%';
      band.style.width = `calc(${(to - from + 1) / span * 100}% - 1px)`;
      band.style.top = (p.row * 17) + 'px';
      band.style.color = p.color;
      band.dataset.period = p.id;
      band.title = `${p.title}: ${dayText(p.first)} – ${dayText(p.last)}`;
      const text = document.createElement('span');
      text.textContent = p.title;
      band.appendChild(text);
      band.addEventListener('click', () => { stopPlaying(); setAsOf(p.last); });
      eras.appendChild(band);
    }
    strip.setAttribute('aria-label', `Events per ${data.activity ? data.activity.step : 'period'}: `
      + periods.filter((p) => p.count).map((p) => `${p.title} ${p.count}`).join(', '));
    play.addEventListener('click', () => {
      if (playing) { stopPlaying(); return; }
      if (state.asOf >= data.last && periods.length) setAsOf(periods[0].last);
      else stepForward();
      if (state.asOf >= data.last) return;
      play.textContent = '❚❚ Pause';
      play.setAttribute('aria-pressed', 'true');
      playing = setInterval(stepForward, 800);
    });
  } else {
    slider.disabled = true;
    play.disabled = true;
  }

  $('eg-search').addEventListener('input', (event) => { state.query = event.target.value; search(); });
  $('eg-path-go').addEventListener('click', findAndShowPath);
  for (const id of ['eg-path-from', 'eg-path-to']) {
    $(id).addEventListener('keydown', (event) => { if (event.key === 'Enter') findAndShowPath(); });
  }
  $('eg-path-clear').addEventListener('click', () => { state.path = null; $('eg-path-from').value = ''; $('eg-path-to').value = ''; highlightPath(); });

  // ---- Zoom --------------------------------------------------------------------------------
  if (svg) {
    const width = parseFloat(svg.getAttribute('width')) || 800, height = parseFloat(svg.getAttribute('height')) || 600;
    let zoom = 1;
    const setZoom = (z) => { zoom = Math.max(0.05, Math.min(z, 8)); svg.style.width = (width * zoom) + 'pt'; svg.style.height = (height * zoom) + 'pt'; };
    const fit = () => { const room = $('eg-diagram').clientWidth - 16; setZoom(Math.min(1, room / (width * 4 / 3))); };
    $('eg-zoom-in').addEventListener('click', () => setZoom(zoom * 1.25));
    $('eg-zoom-out').addEventListener('click', () => setZoom(zoom / 1.25));
    $('eg-zoom-fit').addEventListener('click', fit);
    fit();
  }

  apply();
  document.body.dataset.ready = 'true';
})();
