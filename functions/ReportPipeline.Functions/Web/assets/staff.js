'use strict';
// The CTED staff desk. Signed in by App Service Authentication in Azure (a session cookie), as the local user under serve.
// Every value from storage is set with textContent.
(() => {
  const $ = (id) => document.getElementById(id);
  const { element, inEnglish } = window.desk;
  let periods = [];

  function row(cells, numeric) {
    const tr = element('tr');
    cells.forEach((cell, i) => {
      const header = i === 0;
      tr.append(element(header ? 'th' : 'td', cell, header ? { scope: 'row' } : (i >= numeric ? { class: 'num' } : {})));
    });
    return tr;
  }

  async function get(path, options) {
    const response = await fetch(path, { cache: 'no-store', credentials: 'same-origin', ...options });
    const body = await response.json().catch(() => null);
    if (response.status === 401 || response.status === 403) {
      problem(body?.message || 'You are not allowed to do this.');
      return null;
    }
    if (!response.ok && response.status !== 404) {
      problem(body?.message || `The request failed (HTTP ${response.status}).`);
      return null;
    }
    return { status: response.status, body };
  }

  function problem(text) {
    $('problem').textContent = text;
    $('problem').hidden = !text;
  }

  function period() {
    return $('period').value;
  }

  async function load() {
    const overview = await get('/api/staff/overview');
    if (!overview) {
      return;
    }
    const user = overview.body.user;
    $('user').textContent = `Signed in as ${user.name} (${user.roles.join(', ') || 'no roles'})`;
    if (user.local) {
      $('banner').textContent = `Local mode: whoever opens this page on 127.0.0.1 is staff with every role (here ${user.name}). `
        + 'In Azure, staff sign in with Microsoft Entra ID and need the app roles Surveys.Read and Pipeline.Operate.';
      $('banner').hidden = false;
    }
    periods = overview.body.periods;
    const chosen = period();
    $('periods').tBodies[0].replaceChildren(...periods.map((p) =>
      row([p.period, p.open ? 'yes' : 'no', p.world.reporting, ...p.world.answering, p.latestEdition || 'none yet'], 2)));
    $('period').replaceChildren(...periods.map((p) => element('option', p.period, { value: p.period })));
    if (chosen && periods.some((p) => p.period === chosen)) {
      $('period').value = chosen;
    }
    await show();
  }

  async function show() {
    const p = periods.find((x) => x.period === period());
    $('regions').tBodies[0].replaceChildren(...(p ? p.regions.map((r) => row([r.name, r.reporting, r.states, ...r.answering], 1)) : []));
    await Promise.all([survey(), uploads()]);
  }

  async function survey(edition) {
    $('links').replaceChildren();
    $('editions').replaceChildren();
    if (!periods.find((x) => x.period === period())?.latestEdition) {
      $('edition').textContent = 'No edition has been compiled for this period yet.';
      return;
    }
    const query = edition ? `?edition=${encodeURIComponent(edition)}` : '';
    const result = await get(`/api/surveys/${encodeURIComponent(period())}${query}`);
    if (!result || result.status === 404) {
      $('edition').textContent = 'That edition is no longer listed.';
      return;
    }
    const survey = result.body;
    const expires = survey.links[0] ? new Date(survey.links[0].expiresAt).toISOString().replace('T', ' ').slice(0, 16) : '';
    $('edition').textContent = `Edition ${survey.edition}: read-only links, valid until ${expires} UTC.`;
    $('links').replaceChildren(...survey.links.map((link) => {
      const item = element('li');
      if (link.language) {
        // The edition's language in English, then in its own words, tagged so a screen reader speaks it rightly.
        item.append(element('span', `${inEnglish.of(link.language)} `));
        item.append(element('span', new Intl.DisplayNames([link.language], { type: 'language' }).of(link.language), { lang: link.language, dir: 'auto' }));
        item.append(element('span', ': '));
      }
      item.append(element('a', link.file, { href: link.url, rel: 'noopener noreferrer', target: '_blank' }));
      return item;
    }));
    $('editions').replaceChildren(...survey.editions.filter((e) => e.edition !== survey.edition).map((e) => {
      const item = element('li', `${e.edition}, ${e.statesReporting} states reporting `);
      const button = element('button', 'Links', { type: 'button', class: 'link secondary', 'aria-label': `Links to edition ${e.edition}` });
      button.addEventListener('click', () => survey(e.edition));
      item.append(button);
      return item;
    }));
  }

  async function uploads() {
    const result = await get(`/api/staff/uploads?period=${encodeURIComponent(period())}`);
    const list = result?.body?.uploads || [];
    $('no-uploads').hidden = list.length > 0;
    $('uploads').tBodies[0].replaceChildren(...list.map((u) => {
      const status = u.status === 'Accepted' ? `Accepted v${u.version}${u.current ? ' (current)' : ''}` : u.status;
      const tr = row([u.state, status, u.uploadedAt ? u.uploadedAt.replace('T', ' ').slice(0, 19) : '-', u.blobName, u.reasonCode || ''], 99);
      tr.cells[1].className = u.status.toLowerCase();
      return tr;
    }));
  }

  async function compile() {
    const button = $('compile');
    button.disabled = true;
    $('compile-result').textContent = 'Compiling…';
    try {
      const result = await get(`/api/surveys/${encodeURIComponent(period())}/compile`, { method: 'POST' });
      if (result) {
        const r = result.body;
        $('compile-result').textContent = r.published
          ? `Published edition ${r.edition} (${r.statesReporting} states reporting).`
          : `Nothing changed since edition ${r.edition}; nothing published.`;
        await load();
      } else {
        $('compile-result').textContent = '';
      }
    } finally {
      button.disabled = false;
    }
  }

  $('period').addEventListener('change', show);
  $('compile').addEventListener('click', compile);
  load().catch(() => problem('The desk could not reach the API.'));
})();
