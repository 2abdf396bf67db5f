// addons-linter ships no types; this is the part of its documented programmatic API the build test uses.
declare module 'addons-linter' {
  export interface LinterMessage {
    code: string;
    message: string;
    description: string;
    file?: string;
    line?: number;
    column?: number;
  }
  export interface LinterOutput {
    summary: { errors: number; notices: number; warnings: number };
    errors: LinterMessage[];
    warnings: LinterMessage[];
    notices: LinterMessage[];
  }
  export function createInstance(options: {
    config: {
      _: string[];
      logLevel: 'fatal' | 'debug';
      stack: boolean;
      pretty: boolean;
      warningsAsErrors: boolean;
      metadata: boolean;
      output: 'none' | 'json' | 'text';
      boring: boolean;
      selfHosted: boolean;
    };
    runAsBinary: boolean;
  }): { run(): Promise<LinterOutput> };
}
