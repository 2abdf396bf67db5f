/**
 * Every Gmail selector the adapter uses, in one place. Gmail ships markup changes to some accounts before others, so
 * each entry anchors on attributes (`email`, `name`, `data-*`, `role`) first and short class names second. Lists are
 * tried in order: the newest known markup first, then dated fallbacks. When a selector stops matching, fix it here.
 * Each is an export of its own, read as `GMAIL.main` through `import * as GMAIL`: the bundler then gives each a short
 * name in the content script, where an object's keys would ship whole (about 190 bytes gzip).
 */
// The ARIA landmark of the content pane: screen readers depend on it, so it has survived every redesign since 2018.
export const main = '[role=main]';
// Thread containers, newest first: `.a98.iY` (Nov 2023, some accounts), `div.iY` (Jan 2025), split pane `.ao9` and
// `.PeIF1d` (Oct 2022), `table.Bs` and `.if` (before Nov 2023). Only used to narrow the scan; [role=main] is the floor.
export const threadRoots = ['.a98.iY', 'div.iY', '.ao9', '.PeIF1d', 'table.Bs', '.if'];
// The subject heading carries the thread ids as data attributes since the 2018 redesign.
export const subject = 'h2.hP';
// A conversation's heading as it appears when the thread opens: the id attributes, not the class, are the anchor.
export const conversationHeading = 'h2[data-legacy-thread-id], h2[data-thread-perm-id]';
// Emoji in subjects are images; their alt is the character Gmail replaced.
export const emoji = 'img[data-emoji]';
// The thread's labels: chips after the subject inside its `.ha` header, the name in `.av`; for kinds' label rules.
export const labels = '.ha .av';
// Any element carrying the legacy hex thread id (the heading's attribute is preferred; this is the fallback).
export const legacyThreadId = '[data-legacy-thread-id]';
export const permThreadId = '[data-thread-perm-id]';
// One rendered message: `data-message-id` (`#msg-f:…`) has been on it since 2018; a message just sent has no
// legacy id until it syncs.
export const message = 'div.adn[data-message-id]';
// The message's list item: `.h7` expanded, `.kv`/`.ky` collapsed header, `.kQ`/`.kx` hidden behind "N older".
export const messageWrappers = '.h7, .kv, .ky, .kQ, .kx';
export const collapsedWrapper = /\b(?:kv|ky|kQ|kx)\b/;
// The message body Gmail renders from the sender's HTML (sanitised, classes rewritten): never read people from it.
export const body = '.a3s';
// Quoted history and Gmail's "On … wrote:" line inside a body: not the sender's own words.
export const quoted = '.gmail_quote, .gmail_attr, blockquote, style, script, noscript, template';
// Sender: the `email` and `name` attributes are how Gmail's own hovercards find the person.
export const senders = ['span[email].gD', 'h3.iw span[email]', '.gF span[email]'];
// Sender avatar: the hovercard id is the address (used when the name span is missing, e.g. while loading).
export const avatar = 'img[data-hovercard-id]';
// The "to me, Dara, cc: Sokha" line of an expanded message; To and Cc are told apart only by the word for Cc.
export const recipientLine = '.hb';
// Recipients outside a `.hb` line (older layouts put them straight in the header).
export const recipients = 'span.g2[email]';
// The message time: a localized full date in `title` (and `alt`) since 2018; the text is relative ("2 hours ago").
export const time = ['.gH .gK span.g3[title]', 'span.g3[title]', 'span.g3[alt]'];
// List views: each row is a conversation, not an open thread.
export const listRow = 'tr.zA';
// A row's ids ride on its subject's span since the 2018 redesign: the conversation's hex id and its newest message's
// (`data-legacy-last-message-id`), which tells that message's time in any language.
export const rowIds = '[data-legacy-thread-id]';
// The row's senders in the order they wrote, the newest last ("Dara, me, Dara (3)"); `email` as in a thread.
export const rowSenders = '.yW span[email]';
// The date cell: the newest message's full date in `title`, in the account's language and zone.
export const rowDate = '.xW span[title]';
// Account button: its aria-label reads "Google Account: Name (address)" in English; the sign-out link it points to
// is the same in every UI language, so it is the fallback for non-English accounts.
export const accountButtons = ['a[aria-label^="Google Account:"]', 'a[href*="accounts.google.com/SignOutOptions"]'];
// Compose roots: pop-out and full-screen composes are dialogs holding a form; inline replies are `div.M9` inside the
// thread. Any form with a subject box catches markup between these.
export const composeRoots = '[role=dialog], div.M9';
export const composeForm = 'form';
export const subjectBox = 'input[name=subjectbox]';
// Gmail's draft id is a hidden input; new drafts hold the string "undefined" until saved.
export const draftId = 'input[name=draft]';
// The message body of a compose or reply, where templates are typed: Gmail's editor is a contenteditable textbox
// (`.Am.aiL`); the recipient and subject fields are inputs, so only the body matches.
export const composeBody = '[contenteditable][role=textbox]';
// Chip UI (Oct 2021): one listbox per field, each recipient an option whose hovercard id is the address.
export const chip = '[role=option][data-hovercard-id]';
// Text typed in the chip UI but not yet turned into a chip.
export const typed = 'input[peoplekit-id], input:not([type=hidden])';
// The right-hand side-panel column (Calendar, Keep, Tasks …, then add-ons), where sidebars dock; InboxSDK, behind
// Streak, reads the same markup in 2026.
export const sidePanel = 'div.aUx';
// Gmail's panel content container. Its wrapper (which Gmail hides with `br3` rather than removing it) is the
// container itself where it carries the older class `bq9`, else its parent `.WN9Ejb`. Gmail replaces the
// container when Calendar loads: find it again each time.
export const panelContent = '.brC-brG';
export const panelOldWrapper = 'bq9';
// The icon strip: role=complementary since the 2024-11-07 layout, role=navigation before; the class is common to both.
export const panelStrip = '.brC-aT5-aOt-Jw';
// The class of the strip's icon whose panel is open; clicking that icon closes it.
export const panelActiveIcon = 'aT5-aOt-I-KO';
// The spacer Gmail widens to keep compose windows ("moles") clear of its own panels, but not of add-ons'.
export const moleSpacer = '.dw > .jAmAWb';
// Theme and density have no attribute: a light nav label or a dark main background means the dark theme, and a
// 24 px nav item the compact density.
export const navLabel = '.aio';
export const mainBackground = '.bkK > .nH';
export const navItem = '.aim';

export const RECIPIENT_FIELDS = ['to', 'cc', 'bcc'] as const;
