'use strict';
// The state's indications in the portal: under each question of its current report, the focal point points to a paragraph
// that answers it, or withdraws a passage it disagrees with; CTED's analysts decide, and the page shows what they decided.
// portal.js calls render() when it draws an accepted report. Every text is set with textContent, never parsed as HTML.
window.PortalIndications = (() => {
  const $ = (id) => document.getElementById(id);
  const optionLength = 80;
  let sheet = null;
  let loading = null;

  function forReport(context, upload) {
    return sheet && sheet.state === context.state && sheet.period === context.period && sheet.version === upload.version;
  }

  async function load(context, upload) {
    const key = `${context.state}/${context.period}/${upload.version}`;
    if (loading === key) {
      return;
    }
    loading = key;
    const response = await context.api(`/api/indications?period=${encodeURIComponent(context.period)}`);
    loading = null;
    if (response.status === 200) {
      sheet = response.body;
      context.rerender();
    } else {
      message(context, '', response.body?.error || 'bad-request');
    }
  }

  function message(context, status, code) {
    const error = $('indication-error');
    error.hidden = !code;
    error.textContent = code ? context.reasonText(code) : '';
    $('indication-status').textContent = status || '';
  }

  async function send(context, indication) {
    message(context, '', null);
    const response = await context.api('/api/indications', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ period: sheet.period, version: sheet.version, revision: sheet.revision, ...indication }),
    });
    if (response.status === 200) {
      sheet = response.body;
      context.rerender();
      message(context, context.t('indicationSaved'), null);
      $('indication-status').focus();
      return;
    }
    message(context, '', response.body?.error || 'bad-request');
    if (response.status === 409) {
      sheet = null;
      await load(context, { version: context.version });
    }
  }

  function decision(context, indication) {
    const date = indication.decidedAt ? new Date(indication.decidedAt).toLocaleDateString(context.language) : '';
    const name = { pending: 'decisionPending', accepted: 'decisionAccepted', rejected: 'decisionRejected' }[indication.decision] || 'decisionPending';
    return context.element('p', context.t(name, { date }), { class: `decision ${indication.decision === 'rejected' ? 'refused' : indication.decision === 'accepted' ? 'accepted' : 'muted'}`,
      'data-decision': indication.decision });
  }

  function withdrawals(context, block, question) {
    for (const passage of sheet.passages.filter((p) => p.question === question)) {
      const where = block.querySelector(`p.where[data-passage="${passage.id}"]`);
      if (!where) {
        continue;
      }
      const withdrawn = sheet.indications.find((i) => i.kind === 'withdraw' && i.passage === passage.id);
      const box = context.element('div', null, { class: 'withdrawal', 'data-withdraw': passage.id });
      if (withdrawn) {
        box.append(context.element('p', context.t('indicationWithdraw', { page: passage.page, paragraph: passage.paragraph })), decision(context, withdrawn));
      } else {
        const button = context.element('button', context.t('withdrawButton'), { type: 'button', class: 'secondary',
          'aria-label': `${context.t('withdrawButton')}: ${context.t('where', { page: passage.page, paragraph: passage.paragraph })}` });
        button.addEventListener('click', () => send(context, { action: 'withdraw', passage: passage.id }));
        box.append(button);
      }
      where.after(box);
    }
  }

  function pointed(context, block, question) {
    const mine = sheet.indications.filter((i) => i.kind === 'point' && i.question === question);
    if (mine.length === 0) {
      return;
    }
    block.append(context.element('h4', context.t('yourIndications')));
    const list = context.element('ul', null, { class: 'plain' });
    for (const indication of mine) {
      const item = context.element('li', null, { 'data-indication': indication.passage });
      item.append(context.element('p', context.t('indicationPoint', { page: indication.page, paragraph: indication.paragraph })),
        context.element('blockquote', indication.text, { lang: context.reportLanguage || '', dir: 'auto' }), decision(context, indication));
      list.append(item);
    }
    block.append(list);
  }

  function pointForm(context, block, question) {
    const taken = new Set([...sheet.passages, ...sheet.indications].filter((p) => p.question === question).map((p) => p.passage || p.id));
    const free = sheet.paragraphs.filter((p) => !taken.has(`${question}-${p.id}`));
    if (free.length === 0 || sheet.indications.length >= sheet.maxIndications) {
      return;
    }
    const id = `point-${question}`;
    const label = context.element('label', context.t('pointLabel', { question: context.t(`q${question}`) }), { for: id });
    const select = context.element('select', null, { id, dir: 'auto' });
    select.append(...free.map((p) => context.element('option', context.t('paragraphOption', { page: p.page, paragraph: p.paragraph,
      text: p.text.length > optionLength ? `${p.text.slice(0, optionLength)}\u2026` : p.text }), { value: p.id })));
    const button = context.element('button', context.t('pointButton'), { type: 'button', 'aria-label': `${context.t('pointButton')}: ${context.t(`q${question}`)}` });
    button.addEventListener('click', () => send(context, { action: 'point', question, paragraph: select.value }));
    const form = context.element('div', null, { class: 'point', 'data-point': question });
    form.append(label, select, button);
    block.append(form);
  }

  // Draws the indications into the question blocks of an accepted report's outcome (`body`), once the report is loaded.
  function render(body, finding, context) {
    const upload = finding.upload;
    if (!upload.current) {
      body.append(context.element('p', context.t('indicationsNotCurrent'), { class: 'muted' }));
      return;
    }
    const here = { ...context, version: upload.version, reportLanguage: finding.language };
    if (!forReport(here, upload)) {
      load(here, upload).catch(() => message(here, '', null));
      return;
    }
    body.querySelector('section.question')?.before(context.element('p', context.t('indicationsIntro'), { class: 'indications-intro' }));
    for (const block of body.querySelectorAll('section.question')) {
      const question = block.dataset.question;
      withdrawals(here, block, question);
      pointed(here, block, question);
      pointForm(here, block, question);
    }
  }

  // Forgets the report shown, so the next render asks again (the focal point showing a report again sees CTED's latest decisions).
  function forget() {
    sheet = null;
    message({}, '', null);
  }

  return { render, forget };
})();
