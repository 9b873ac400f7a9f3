'use strict';
// The staff desk's upload keys (role Pipeline.Operate): issue one, shown once with a copy button; list them; revoke one after a
// confirmation. Values from the server are set with textContent; the new key lives only in the read-only field until hidden.
(() => {
  const $ = (id) => document.getElementById(id);
  const { element } = window.desk;

  const utc = (iso) => (iso ? new Date(iso).toISOString().replace('T', ' ').slice(0, 16) : '');

  function problem(text) {
    $('keys-problem').textContent = text || '';
    $('keys-problem').hidden = !text;
  }

  // Every call answers {status, body}; a refusal's plain words are in body.message.
  async function call(path, options) {
    const response = await fetch(path, { cache: 'no-store', credentials: 'same-origin', ...options });
    return { status: response.status, ok: response.ok, body: await response.json().catch(() => null) };
  }

  function refused(result) {
    return result.body?.message || `The request failed (HTTP ${result.status}).`;
  }

  async function list() {
    const result = await call('/api/keys');
    if (result.status === 401 || result.status === 403) {
      // Without the role the section says why and offers nothing it would refuse.
      problem(refused(result));
      $('key-form').hidden = true;
      $('keys').hidden = true;
      return;
    }
    if (!result.ok) {
      problem(refused(result));
      return;
    }
    const keys = result.body.keys;
    $('no-keys').hidden = keys.length > 0;
    $('keys').tBodies[0].replaceChildren(...keys.map(row));
  }

  function row(key) {
    const tr = element('tr', null, { 'data-key': key.id });
    tr.append(element('th', key.id, { scope: 'row' }));
    for (const text of [key.state, utc(key.issuedAt), key.expiresAt ? utc(key.expiresAt) : 'never', utc(key.lastSlotAt) || 'none']) {
      tr.append(element('td', text));
    }
    tr.append(element('td', key.slotsLastDay, { class: 'num' }));
    tr.append(element('td', key.status === 'revoked' ? `revoked ${utc(key.revokedAt)}` : key.status, { 'data-status': key.status }));
    const action = element('td');
    if (key.status !== 'revoked') {
      const revoke = element('button', 'Revoke', { type: 'button', class: 'link secondary', 'aria-label': `Revoke key ${key.id} of ${key.state}` });
      revoke.addEventListener('click', () => confirmRevoke(action, key));
      action.append(revoke);
    }
    tr.append(action);
    return tr;
  }

  // Revoking cannot be undone: the row asks once more, in place, with the focus on the confirmation.
  function confirmRevoke(cell, key) {
    const yes = element('button', 'Yes, revoke', { type: 'button', class: 'link', 'aria-label': `Yes, revoke key ${key.id} of ${key.state}: it stops working at once` });
    const no = element('button', 'Cancel', { type: 'button', class: 'link secondary', 'aria-label': `Keep key ${key.id}` });
    yes.addEventListener('click', () => revoke(key));
    no.addEventListener('click', async () => {
      await list();
      document.querySelector(`tr[data-key="${key.id}"] button`)?.focus();
    });
    cell.replaceChildren(yes, ' ', no);
    yes.focus();
  }

  async function revoke(key) {
    const result = await call(`/api/keys/${encodeURIComponent(key.id)}/revoke`, { method: 'POST' });
    if (!result.ok) {
      problem(refused(result));
      return;
    }
    problem('');
    $('key-result').textContent = `Key ${key.id} of ${key.state} is revoked: it gets no new upload slot.`;
    await list();
    $('keys-heading').setAttribute('tabindex', '-1');
    $('keys-heading').focus();
  }

  async function issue(event) {
    event.preventDefault();
    const state = $('key-state').value.trim().toUpperCase();
    if (!/^[A-Z]{3}$/.test(state)) {
      problem('Enter the state as its three-letter ISO 3166 code, e.g. FRA.');
      $('key-state').setAttribute('aria-invalid', 'true');
      $('key-state').focus();
      return;
    }
    $('key-state').removeAttribute('aria-invalid');
    const expires = $('key-expires').value;
    $('key-issue').disabled = true;
    try {
      const result = await call('/api/keys', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(expires ? { state, expires } : { state }),
      });
      if (!result.ok) {
        problem(refused(result));
        return;
      }
      problem('');
      show(result.body);
      $('key-form').reset();
      await list();
    } finally {
      $('key-issue').disabled = false;
    }
  }

  function show(issued) {
    const until = issued.expiresAt ? `, valid until ${utc(issued.expiresAt)} UTC` : ', valid until revoked';
    $('key-issued-text').textContent = `Key ${issued.id} for ${issued.state}${until}. It is shown only now and is stored nowhere: `
      + 'copy it and hand it to the state\'s focal point over a secure channel.';
    $('key-value').value = issued.key;
    $('key-copy-result').textContent = '';
    $('key-result').textContent = '';
    $('key-issued').hidden = false;
    $('key-issued-heading').focus();
  }

  async function copy() {
    const field = $('key-value');
    try {
      await navigator.clipboard.writeText(field.value);
      $('key-copy-result').textContent = 'Copied to the clipboard.';
    } catch {
      // No clipboard here (an insecure origin, or permission refused): the key is selected for Ctrl+C instead.
      field.focus();
      field.select();
      $('key-copy-result').textContent = 'The browser did not let the page copy: the key is selected, press Ctrl+C (or Cmd+C) to copy it.';
    }
  }

  function hide() {
    $('key-value').value = '';
    $('key-issued').hidden = true;
    $('key-result').textContent = 'The key is hidden; it cannot be shown again. Issue a new one if it was lost.';
    $('key-state').focus();
  }

  $('key-form').addEventListener('submit', issue);
  $('key-copy').addEventListener('click', copy);
  $('key-hide').addEventListener('click', hide);
  list().catch(() => problem('The desk could not reach the API.'));
})();
