/**
 * Every Outlook on the web selector the adapter uses, in one place. Outlook's class names are generated and change
 * every few months, so nothing here names a class: only landmarks and roles (which screen readers depend on), ARIA
 * states, Outlook's own `data-app-section` and `data-convid` attributes, ids Microsoft's shared header keeps, and
 * `contenteditable`. Labels are in the mailbox's language, so none is matched by its words. Facts and their dates
 * are in /work/shared/WEBMAIL.md; when a selector stops matching, fix it here.
 */
export const OUTLOOK = {
  // The reading pane is the page's main landmark (`main[aria-label="Reading Pane"]`, empty when nothing is selected);
  // a compose opened in full sits in the same place or in Outlook's form section.
  readingPane: 'main, [role=main]',
  composeSection: '[data-app-section="Form_Content"]',
  // Headings of the reading pane: the subject is level 3; each message's From, To, Cc and date are headings too.
  heading: 'h1, h2, h3, h4, h5, h6, [role=heading]',
  subjectLevel: '3',
  // The person buttons ("Opens card for {name}") inside the From, To and Cc headings.
  personButton: 'button, [role=button]',
  // A message body: a `document` ("Message body"), with an id starting UniqueMessageBody_ in older builds.
  body: '[role=document], [id^="UniqueMessageBody_"]',
  // The message list's rows: options carrying the conversation id; the open conversation's row is selected.
  listRow: '[role=option][data-convid]',
  selectedRow: '[aria-selected="true"][data-convid]',
  convid: '[data-convid]',
  // Recipient fields of a compose, in To, Cc, Bcc order: each year's markup (2024 combobox, 2025 and 2026
  // contenteditable) is one of these, never the message body (multi-line).
  recipientFields:
    '[contenteditable="true"]:not([aria-multiline="true"]), [role=combobox][contenteditable], [role=presentation][contenteditable]',
  // The subject of a compose is its last such input.
  subjectInput: 'input[type=text][autocomplete=off]',
  composeBody: '[contenteditable="true"][aria-multiline="true"], [role=textbox][contenteditable="true"]',
  // Microsoft's shared header: the account button holds the rep's name; the account menu ("me control", shared by
  // Microsoft 365's apps and rendered once opened) the address.
  meButton: '#O365_MainLink_Me',
  accountMenu: '#mectrl_currentAccount_secondary',
} as const;
