'use strict';
// The review page of the staff desk: a period's states with a current report, and one state's report with its passages per
// question, where the analyst accepts, rejects, moves, copies, adds and keeps a note; the machine's agreement with the analysts.
// Every value from storage is set with textContent.
(() => {
  const $ = (id) => document.getElementById(id);
  const { element, language } = window.desk;
  const questions = {
    a: '(a) Challenges in implementation',
    b: '(b) International cooperation and technical assistance',
    c: '(c) Adapting the Council\u2019s response',
    d: '(d) An integrated UN architecture',
  };
  let states = [];
  let sheet = null;

  function button(text, onClick, attributes) {
    const node = element('button', text, { type: 'button', class: 'secondary', ...attributes });
    node.addEventListener('click', onClick);
    return node;
  }

  function problem(text) {
    $('problem').textContent = text;
    $('problem').hidden = !text;
  }

  async function call(path, options) {
    const response = await fetch(path, { cache: 'no-store', credentials: 'same-origin', ...options });
    const body = await response.json().catch(() => null);
    return { status: response.status, ok: response.ok, body };
  }

  function period() {
    return $('period').value;
  }

  async function loadPeriods() {
    const overview = await call('/api/staff/overview');
    if (!overview.ok) {
      problem(overview.body?.message || `The request failed (HTTP ${overview.status}).`);
      return;
    }
    const wanted = new URLSearchParams(location.search);
    $('period').replaceChildren(...overview.body.periods.map((p) => element('option', p.period, { value: p.period })));
    if (overview.body.periods.some((p) => p.period === wanted.get('period'))) {
      $('period').value = wanted.get('period');
    }
    await loadStates();
    if (wanted.get('state')) {
      await open(wanted.get('state'));
      // A search hit names its passage in the fragment; the passage exists only once the report is drawn.
      document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
    }
  }

  async function loadStates() {
    const result = await call(`/api/review?period=${encodeURIComponent(period())}`);
    if (!result.ok) {
      problem(result.body?.message || `The request failed (HTTP ${result.status}).`);
      states = [];
    } else {
      states = result.body.states;
    }
    listAgreement(result.ok ? result.body.agreement : []);
    const chosen = $('filter-language').value;
    const languages = [...new Set(states.map((s) => s.language))].sort();
    $('filter-language').replaceChildren(element('option', 'any', { value: '' }), ...languages.map((l) => element('option', language(l), { value: l })));
    $('filter-language').value = languages.includes(chosen) ? chosen : '';
    listStates();
  }

  function listStates() {
    const status = $('filter-status').value;
    const lang = $('filter-language').value;
    const unanswered = $('filter-unanswered').value;
    const shown = states.filter((s) => (!status || s.status === status) && (!lang || s.language === lang)
      && (!unanswered || !s.answered.includes(unanswered)));
    $('no-states').hidden = shown.length > 0;
    $('states').tBodies[0].replaceChildren(...shown.map((s) => {
      const tr = element('tr');
      const th = element('th', null, { scope: 'row' });
      th.append(button(`${s.name} (${s.state})`, () => open(s.state), { class: 'link secondary', 'data-state': s.state }));
      tr.append(th, element('td', s.status, { 'data-status': s.status }), element('td', language(s.language)),
        element('td', s.answered ? [...s.answered].map((q) => `(${q})`).join(' ') : 'none'), element('td', s.decisions, { class: 'num' }),
        element('td', s.pendingIndications, { class: 'num' }));
      return tr;
    }));
  }

  async function open(state) {
    const result = await call(`/api/review/${encodeURIComponent(period())}/${encodeURIComponent(state)}`);
    if (!result.ok) {
      problem(result.body?.message || `The request failed (HTTP ${result.status}).`);
      return;
    }
    show(result.body);
    $('sheet-heading').focus();
  }

  async function decide(decision) {
    problem('');
    const path = `/api/review/${encodeURIComponent(sheet.period)}/${encodeURIComponent(sheet.state)}`;
    const result = await call(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...decision, revision: sheet.revision }),
    });
    if (result.ok) {
      show(result.body);
      $('sheet-status').focus();
    } else {
      problem(result.body?.message || `The decision was not saved (HTTP ${result.status}).`);
      if (result.status === 409) {
        await open(sheet.state);
      }
    }
    await loadStates();
  }

  function where(page, paragraph) {
    return `page ${page}, paragraph ${paragraph}`;
  }

  function passage(p, letter) {
    const item = element('li', null, { class: `passage decision-${p.decision}`, id: p.id, 'data-passage': p.id });
    item.append(element('blockquote', p.text, { dir: 'auto' }));
    item.append(element('p', `${p.id}: ${where(p.page, p.paragraph)}; ${p.source}, ${p.decision}${p.new ? ', new' : ''}`, { class: 'where' }));
    const actions = element('div', null, { class: 'actions' });
    actions.append(
      button('Accept', () => decide({ action: 'accept', passage: p.id }), { 'data-action': 'accept', 'aria-label': `Accept ${p.id}` }),
      button('Reject', () => decide({ action: 'reject', passage: p.id }), { 'data-action': 'reject', 'aria-label': `Reject ${p.id}` }));
    const target = element('select', null, { 'aria-label': `Question to move or copy ${p.id} to` });
    target.append(...Object.keys(questions).filter((q) => q !== letter).map((q) => element('option', questions[q], { value: q })));
    const move = button('Move to\u2026', () => decide({ action: 'move', passage: p.id, question: target.value }),
      { 'data-action': 'move', 'aria-label': `Move to\u2026 (passage ${p.id})` });
    actions.append(target, move, copyButton(p, target));
    item.append(actions);
    return item;
  }

  function copyButton(p, target) {
    return button('Copy to\u2026', () => decide({ action: 'copy', passage: p.id, question: target.value }),
      { 'data-action': 'copy', 'aria-label': `Copy to\u2026 (passage ${p.id})` });
  }

  // The analyst's note on a question, plain text. A note typed but not saved survives the redraw of the same report that any
  // decision or a conflict's reload brings, so the analyst loses nothing and saves it again.
  function noteBox(letter, saved, report) {
    const id = `note-${letter}`;
    const owner = `${report.period}/${report.state}`;
    const before = document.getElementById(id);
    const draft = before && before.dataset.report === owner && before.value !== before.dataset.saved ? before.value : saved;
    const box = element('div', null, { class: 'note' });
    const text = element('textarea', null, {
      id, rows: '3', maxlength: '4000', dir: 'auto', 'data-saved': saved, 'data-report': owner, 'aria-describedby': `${id}-hint ${id}-state`,
    });
    text.value = draft;
    const state = element('p', draft === saved ? '' : 'Not saved yet.', { id: `${id}-state`, class: 'where' });
    text.addEventListener('input', () => { state.textContent = text.value === saved ? '' : 'Not saved yet.'; });
    box.append(element('label', `Analyst's note on (${letter})`, { for: id }), text,
      element('p', 'Plain text, at most 4,000 characters; kept with the review, not published.', { id: `${id}-hint`, class: 'where' }), state,
      button('Save note', () => decide({ action: 'note', question: letter, note: text.value }), { 'data-action': 'note', 'aria-label': `Save note on (${letter})` }));
    return box;
  }

  function share(value) {
    return value === null || value === undefined ? '\u2013' : value.toFixed(2);
  }

  function listAgreement(cells) {
    $('no-agreement').hidden = cells.length > 0;
    $('agreement').tBodies[0].replaceChildren(...cells.map((c) => {
      const tr = element('tr', null, { 'data-agreement': `${c.language}-${c.question}` });
      tr.append(element('th', language(c.language), { scope: 'row' }), element('td', `(${c.question})`),
        ...[c.machineDecided, c.machineAccepted, share(c.precision), c.accepted, share(c.recall)].map((v) => element('td', v, { class: 'num' })));
      return tr;
    }));
  }

  function show(report) {
    sheet = report;
    $('sheet').hidden = false;
    $('sheet-heading').textContent = `${report.name} (${report.state}), ${report.period}: version ${report.version}, ${language(report.language)}`;
    const by = report.reviewedBy ? `, by ${report.reviewedBy} ${(report.reviewedAt || '').replace('T', ' ').slice(0, 16)} UTC` : '';
    $('sheet-status').textContent = `Status: ${report.status}${by}. Revision ${report.revision}.`;
    $('sheet-status').setAttribute('tabindex', '-1');
    $('questions').replaceChildren(...Object.keys(questions).map((letter) => {
      const q = report.questions[letter] || { passages: [], candidates: [] };
      const box = element('section', null, { class: 'question', 'data-question': letter, 'aria-labelledby': `q-${letter}` });
      box.append(element('h3', questions[letter], { id: `q-${letter}` }));
      const list = element('ul', null, { class: 'plain' });
      list.append(...q.passages.map((p) => passage(p, letter)));
      box.append(q.passages.length ? list : element('p', 'No passage.', { class: 'muted' }));
      if (q.candidates.length) {
        box.append(element('h4', 'Candidates'));
        const candidates = element('ul', null, { class: 'candidates' });
        candidates.append(...q.candidates.map((c) => {
          const item = element('li');
          item.append(element('blockquote', c.text, { dir: 'auto' }), element('p', `${c.id}: ${where(c.page, c.paragraph)}`, { class: 'where' }),
            button('Add', () => decide({ action: 'add', question: letter, paragraph: c.id }), { 'aria-label': `Add paragraph ${c.id} to ${letter}` }));
          return item;
        }));
        box.append(candidates);
      }
      const add = element('div', null, { class: 'add' });
      const pick = element('select', null, { 'aria-label': `Paragraph to add to question (${letter})`, 'data-add': letter });
      pick.append(...report.paragraphs.map((p) => element('option', `${p.id}: ${p.text.slice(0, 60)}`, { value: p.id })));
      add.append(pick, button('Add paragraph to question', () => decide({ action: 'add', question: letter, paragraph: pick.value }),
        { 'data-action': 'add', 'aria-label': `Add paragraph to question (${letter})` }));
      box.append(add, noteBox(letter, q.note || '', report));
      return box;
    }));
    $('paragraphs').replaceChildren(...report.paragraphs.map((p) => {
      const item = element('li', null, { id: `p-${p.id}` });
      item.append(element('span', `${p.id} (${where(p.page, p.paragraph)}) `, { class: 'where' }), element('span', p.text, { dir: 'auto' }));
      return item;
    }));
    showIndications(report);
  }

  // The state's own indications from the portal: a paragraph it points to is a passage of source "state" above, decided with
  // Accept or Reject; a passage it withdraws stays the machine's, marked, and rejecting it agrees with the state.
  function showIndications(report) {
    let box = $('state-indications');
    if (!box) {
      box = element('section', null, { id: 'state-indications', 'aria-labelledby': 'state-indications-heading' });
      box.append(element('h3', 'What the state points to', { id: 'state-indications-heading' }), element('ul', null, { class: 'plain' }));
      $('questions').before(box);
    }
    const when = (at) => (at || '').replace('T', ' ').slice(0, 16);
    box.hidden = report.indications.length === 0;
    box.querySelector('ul').replaceChildren(...report.indications.map((i) => {
      const what = i.kind === 'point' ? `points to paragraph ${i.page}.${i.paragraph} for question (${i.question}) (passage ${i.passage})` : `withdraws passage ${i.passage}`;
      const decided = i.decidedBy ? `${i.decision} by ${i.decidedBy} ${when(i.decidedAt)} UTC` : i.decision;
      return element('li', `${i.byName} (upload key ${i.byId}) ${what}, ${when(i.at)} UTC: ${decided}.`,
        { 'data-indication': i.passage, 'data-kind': i.kind, 'data-decision': i.decision });
    }));
    for (const i of report.indications.filter((x) => x.kind === 'withdraw' && x.decision === 'pending')) {
      document.getElementById(i.passage)?.querySelector('.where')?.append('; withdrawn by the state (reject it to agree)');
    }
  }

  $('period').addEventListener('change', loadStates);
  for (const id of ['filter-status', 'filter-language', 'filter-unanswered']) {
    $(id).addEventListener('change', listStates);
  }
  $('done').addEventListener('click', () => decide({ action: 'done' }));
  loadPeriods().catch(() => problem('The review page could not reach the API.'));
})();
