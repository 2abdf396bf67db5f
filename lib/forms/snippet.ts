import type { Form, FormField } from './definition';
import { HONEYPOT_FIELD } from './definition';

export type SnippetLanguage = 'en' | 'km';

/** The words of the snippet itself, in the language the manager chose for the website. */
const WORDS: Record<SnippetLanguage, Record<'send' | 'sending' | 'thanks' | 'failed' | 'wait' | 'busy', string>> = {
  en: {
    send: 'Send',
    sending: 'Sending…',
    thanks: 'Thank you: we will be in touch soon.',
    failed: 'The form could not be sent. Please try again.',
    wait: 'Please wait a moment, then send the form again.',
    busy: 'Too many forms were sent. Please try again later.',
  },
  km: {
    send: 'ផ្ញើ',
    sending: 'កំពុងផ្ញើ…',
    thanks: 'សូមអរគុណ៖ យើងនឹងទាក់ទងអ្នកឆាប់ៗនេះ។',
    failed: 'មិនអាចផ្ញើទម្រង់បានទេ។ សូមព្យាយាមម្ដងទៀត។',
    wait: 'សូមរង់ចាំបន្តិច រួចផ្ញើទម្រង់ម្ដងទៀត។',
    busy: 'មានទម្រង់ផ្ញើមកច្រើនពេក។ សូមព្យាយាមម្ដងទៀតនៅពេលក្រោយ។',
  },
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A JSON literal safe inside an inline script: no "</script>" or "<!--" can end it. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

const INPUT_TYPE: Partial<Record<FormField['target'], { type: string; autocomplete: string }>> = {
  name: { type: 'text', autocomplete: 'name' },
  email: { type: 'email', autocomplete: 'email' },
  phone: { type: 'tel', autocomplete: 'tel' },
  jobTitle: { type: 'text', autocomplete: 'organization-title' },
  company: { type: 'text', autocomplete: 'organization' },
};

function fieldHtml(field: FormField, language: SnippetLanguage): string {
  const label = escapeHtml(field.label[language]);
  const required = field.required ? ' required' : '';
  const control =
    field.target === 'message'
      ? `<textarea name="${field.key}" rows="4" maxlength="4000"${required}></textarea>`
      : `<input name="${field.key}" type="${INPUT_TYPE[field.target]?.type ?? 'text'}" autocomplete="${
          INPUT_TYPE[field.target]?.autocomplete ?? 'off'
        }" maxlength="500"${required}>`;
  return `  <p><label>${label}<br>${control}</label></p>`;
}

/**
 * The HTML a manager pastes into the business's website: a plain form, a hidden spam trap, and a small script that
 * asks the service for a start token when the page loads and posts the form as JSON. Whatever the service answers
 * is shown with textContent, never as HTML.
 */
export function formSnippet(form: Form, serviceUrl: string, language: SnippetLanguage): string {
  const words = WORDS[language];
  const id = `sidecar-form-${form.id}`;
  const endpoint = `${serviceUrl}/v1/public/forms/${form.id}`;
  return [
    `<form id="${id}" lang="${language}">`,
    ...form.definition.fields.map((field) => fieldHtml(field, language)),
    // Off-screen rather than display:none: some robots skip inputs they can tell are hidden.
    `  <p aria-hidden="true" style="position:absolute;left:-10000px"><input name="${HONEYPOT_FIELD}" tabindex="-1" autocomplete="off"></p>`,
    `  <button type="submit">${escapeHtml(words.send)}</button>`,
    '  <p role="status"></p>',
    '</form>',
    '<script>',
    '(function () {',
    `  var form = document.getElementById(${scriptJson(id)});`,
    `  var endpoint = ${scriptJson(endpoint)};`,
    `  var words = ${scriptJson(words)};`,
    '  var status = form.querySelector("[role=status]");',
    '  var button = form.querySelector("button");',
    '  var token = "";',
    '  fetch(endpoint + "/start").then(function (r) { return r.json(); }).then(function (j) { token = j.token || ""; });',
    '  form.addEventListener("submit", function (event) {',
    '    event.preventDefault();',
    '    var values = {};',
    `    var trap = form.elements[${scriptJson(HONEYPOT_FIELD)}].value;`,
    '    Array.prototype.forEach.call(form.elements, function (el) {',
    `      if (el.name && el.name !== ${scriptJson(HONEYPOT_FIELD)}) values[el.name] = el.value;`,
    '    });',
    `    var body = { token: token, page: location.href, values: values };`,
    `    if (trap) body[${scriptJson(HONEYPOT_FIELD)}] = trap;`,
    '    button.disabled = true;',
    '    status.textContent = words.sending;',
    '    fetch(endpoint + "/submissions", {',
    '      method: "POST",',
    '      headers: { "content-type": "application/json" },',
    '      body: JSON.stringify(body)',
    '    }).then(function (r) {',
    '      return r.json().then(function (j) {',
    '        if (r.ok) { form.reset(); status.textContent = words.thanks; return; }',
    '        var code = j && j.error && j.error.code;',
    '        status.textContent = code === "too_fast" ? words.wait : code === "rate_limited" ? words.busy :',
    `          ${language === 'en' ? '(j && j.error && j.error.message) || words.failed' : 'words.failed'};`,
    '      });',
    '    }).catch(function () { status.textContent = words.failed; }).then(function () { button.disabled = false; });',
    '  });',
    '})();',
    '</script>',
  ].join('\n');
}
