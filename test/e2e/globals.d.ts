// The extension API as seen inside extension pages that tests evaluate code in.
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
};
