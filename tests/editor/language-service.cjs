// Loads session files the way VS Code's JSON support does: its language service
// (vscode-json-languageservice), the schema named by each file's "$schema" resolved
// relative to the file as VS Code's JSON server resolves it, read from disk only.
// Reads a request on stdin, writes what an editor would show on stdout:
//   in:  { "documents": [ { "path": "/abs/file.json", "hovers": [offset], "completions": [offset] } ] }
//   out: { "documents": [ { "path", "diagnostics": [{ severity, message, range }], "hovers": [{ offset, text }],
//                            "completions": [{ offset, items: [{ label, documentation }] }] } ] }
'use strict';
const { readFile } = require('node:fs/promises');
const { pathToFileURL } = require('node:url');
const { getLanguageService, ClientCapabilities, DiagnosticSeverity } = require('vscode-json-languageservice');
const { TextDocument } = require('vscode-languageserver-textdocument');
const { URI, Utils } = require('vscode-uri');

// Offline, as the schemas are meant to work: a schema that is not a local file is an error, never a download.
const schemaRequestService = async (location) => {
  const parsed = URI.parse(location);
  if (parsed.scheme !== 'file') {
    throw new Error(`offline: refusing to fetch ${location}`);
  }
  return readFile(parsed.fsPath, 'utf8');
};

// VS Code's JSON server (extensions/json-language-features/server/src/jsonServer.ts) resolves this way.
const workspaceContext = {
  resolveRelativePath: (relativePath, resource) => {
    const base = resource.substring(0, resource.lastIndexOf('/') + 1);
    return Utils.resolvePath(URI.parse(base), relativePath).toString();
  },
};

const service = getLanguageService({ schemaRequestService, workspaceContext, clientCapabilities: ClientCapabilities.LATEST });
service.configure({ validate: true, allowComments: false, schemas: [] });

const severities = { [DiagnosticSeverity.Error]: 'error', [DiagnosticSeverity.Warning]: 'warning', [DiagnosticSeverity.Information]: 'information', [DiagnosticSeverity.Hint]: 'hint' };

const text = (content) => {
  if (content === undefined || content === null) return '';
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map(text).join('\n\n');
  return content.value ?? '';
};

async function main() {
const request = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
const documents = [];
for (const { path, hovers = [], completions = [] } of request.documents) {
  const document = TextDocument.create(pathToFileURL(path).toString(), 'json', 1, await readFile(path, 'utf8'));
  const json = service.parseJSONDocument(document);
  // The settings VS Code gives a .json file (not .jsonc): comments and trailing commas are errors.
  const diagnostics = await service.doValidation(document, json, { comments: 'error', trailingCommas: 'error' });
  const result = {
    path,
    diagnostics: diagnostics.map((d) => ({ severity: severities[d.severity] ?? 'error', message: d.message, range: d.range })),
    hovers: [],
    completions: [],
  };
  for (const offset of hovers) {
    const hover = await service.doHover(document, document.positionAt(offset), json);
    result.hovers.push({ offset, text: text(hover?.contents) });
  }
  for (const offset of completions) {
    const list = await service.doComplete(document, document.positionAt(offset), json);
    result.completions.push({ offset, items: (list?.items ?? []).map((i) => ({ label: i.label, documentation: text(i.documentation) })) });
  }
  documents.push(result);
}
process.stdout.write(JSON.stringify({ documents }));
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
