/**
 * Located messages about a source document, in the spirit of vfile-message:
 * every stage reports what it could not do, with file, line and column and
 * a stable rule id, instead of throwing or silently dropping data.
 */

export type Severity = 'error' | 'warning' | 'info';

/** Which pipeline stage produced the message. */
export type Stage = 'decode' | 'read' | 'recognize' | 'model' | 'publish';

export interface Diagnostic {
  file: string;
  /** 1-based line; 0 when the message is about the whole file. */
  line: number;
  /** 1-based column (in characters); 1 when unknown. */
  column: number;
  stage: Stage;
  /** Stable identifier, e.g. `decode:not-utf8` or `table:unplaced-number`. */
  ruleId: string;
  severity: Severity;
  message: string;
}

/** Collects the diagnostics of one source file. */
export class Reporter {
  readonly file: string;
  readonly messages: Diagnostic[] = [];

  constructor(file: string) {
    this.file = file;
  }

  report(stage: Stage, severity: Severity, ruleId: string, message: string, line = 0, column = 1): Diagnostic {
    const diagnostic: Diagnostic = { file: this.file, line, column, stage, ruleId, severity, message };
    this.messages.push(diagnostic);
    return diagnostic;
  }

  error(stage: Stage, ruleId: string, message: string, line?: number, column?: number): Diagnostic {
    return this.report(stage, 'error', ruleId, message, line, column);
  }

  warn(stage: Stage, ruleId: string, message: string, line?: number, column?: number): Diagnostic {
    return this.report(stage, 'warning', ruleId, message, line, column);
  }

  info(stage: Stage, ruleId: string, message: string, line?: number, column?: number): Diagnostic {
    return this.report(stage, 'info', ruleId, message, line, column);
  }
}

/** `file:line:column: severity message [ruleId]`, the format compilers and linters use. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line > 0 ? `${d.file}:${d.line}:${d.column}` : d.file;
  return `${where}: ${d.severity} ${d.message} [${d.ruleId}]`;
}
