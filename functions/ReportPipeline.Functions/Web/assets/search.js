'use strict';
// The search box of the staff desk's review page: what states said, over GET /api/passages, with a link from each hit to the
// review page on its state and passage. Every value from storage is set with textContent; the count is announced.
(() => {
  const $ = (id) => document.getElementById(id);
  const { element, language } = window.desk;
  const languages = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];

  async function call(path) {
    const response = await fetch(path, { cache: 'no-store', credentials: 'same-origin' });
    const body = await response.json().catch(() => null);
    return { status: response.status, ok: response.ok, body };
  }

  async function loadChoices() {
    $('search-language').append(...languages.map((l) => element('option', language(l), { value: l })));
    const overview = await call('/api/staff/overview');
    if (!overview.ok) {
      return;
    }
    const periods = overview.body.periods;
    $('search-period').append(...periods.map((p) => element('option', p.period, { value: p.period })));
    const regions = [...new Set(periods.flatMap((p) => p.regions.map((r) => r.name)))].sort();
    $('search-region').append(...regions.map((r) => element('option', r, { value: r })));
  }

  function hit(h) {
    const item = element('li', null, { class: 'hit', 'data-hit': `${h.period}/${h.state}/${h.id}` });
    item.append(element('p', `${h.name} (${h.state}), ${h.period}: question (${h.question}), ${language(h.language)}, page ${h.page}, paragraph ${h.paragraph}`
      + `; ${h.status}, ${h.source}, ${h.decision}`, { class: 'where' }));
    item.append(element('blockquote', h.text, { dir: 'auto' }));
    // The server builds the link; only a link into the review page is followed.
    if (typeof h.link === 'string' && h.link.startsWith('/staff/review?')) {
      item.append(element('a', `Open ${h.state} ${h.period} at ${h.id} in the review`, { href: h.link }));
    }
    return item;
  }

  async function search(event) {
    event?.preventDefault();
    const query = new URLSearchParams();
    for (const name of ['q', 'period', 'question', 'region', 'language', 'status']) {
      const value = $(`search-${name}`).value;
      if (value) {
        query.set(name, value);
      }
    }
    $('search-summary').textContent = 'Searching\u2026';
    $('search-hits').replaceChildren();
    const result = await call(`/api/passages?${query}`);
    if (!result.ok) {
      $('search-summary').textContent = result.body?.message || `The search failed (HTTP ${result.status}).`;
      return;
    }
    const { hits, total, searched } = result.body;
    $('search-hits').replaceChildren(...hits.map(hit));
    const where = $('search-period').value ? `in ${$('search-period').value}` : 'in all periods';
    const shown = total > hits.length ? `; the first ${hits.length} are shown` : '';
    $('search-summary').textContent = `Found ${total} ${total === 1 ? 'passage' : 'passages'} holding \u201c${$('search-q').value}\u201d ${where}, `
      + `of ${searched} searched${shown}.`;
  }

  $('search').addEventListener('submit', search);
  loadChoices().catch(() => { $('search-summary').textContent = 'The search could not reach the API.'; });
})();
