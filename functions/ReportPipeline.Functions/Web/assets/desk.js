'use strict';
// What every script of the staff desk builds its pages with. Text from storage is set with textContent, never parsed as HTML.
window.desk = Object.freeze((() => {
  const inEnglish = new Intl.DisplayNames(['en'], { type: 'language' });

  function element(tag, text, attributes) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    for (const [name, value] of Object.entries(attributes || {})) {
      node.setAttribute(name, value);
    }
    return node;
  }

  // A language as the desk names it: its English name and its code, or the code alone where the browser has no name.
  function language(code) {
    try {
      return `${inEnglish.of(code)} (${code})`;
    } catch {
      return code;
    }
  }

  return { element, language, inEnglish };
})());
