/** Pages of these origins get the content script; its messages are trusted only from such a page's top frame. */
export const WEBMAIL_ORIGINS = ['https://mail.google.com/'] as const;
