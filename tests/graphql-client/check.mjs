// Validates the GraphQL documents the .NET tests sent (tests/MedTour.Cms.Tests/GraphQL, GraphClient) against each
// tenant's introspection result with the reference client library: buildClientSchema, then validate.
//
//   MEDTOUR_GRAPHQL_OUT/introspection/<prefix>.json   the introspection answer of each tenant (GraphQLClientValidationTests)
//   MEDTOUR_GRAPHQL_OUT/queries/<prefix>/<hash>.graphql          a document sent to that tenant, expected valid
//   MEDTOUR_GRAPHQL_OUT/queries/<prefix>/<hash>.invalid.graphql  a document a test sends on purpose as invalid
//
// One line per document; exit code 1 if a document is not as expected (or nothing was found), 0 otherwise.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildClientSchema, parse, validate, version } from 'graphql';

const out = process.env.MEDTOUR_GRAPHQL_OUT;
if (!out || !existsSync(join(out, 'queries'))) {
  console.error(`graphql-client: no queries under MEDTOUR_GRAPHQL_OUT (${out ?? 'unset'})`);
  process.exit(1);
}

let checked = 0;
let wrong = 0;
for (const prefix of readdirSync(join(out, 'queries')).sort()) {
  const introspection = join(out, 'introspection', `${prefix}.json`);
  const files = readdirSync(join(out, 'queries', prefix)).filter((f) => f.endsWith('.graphql')).sort();
  if (!existsSync(introspection)) {
    console.log(`FAIL ${prefix}: ${files.length} documents but no introspection result (${introspection})`);
    wrong += 1;
    continue;
  }

  const answer = JSON.parse(readFileSync(introspection, 'utf8'));
  const schema = buildClientSchema(answer.data ?? answer);
  for (const file of files) {
    const expectInvalid = file.endsWith('.invalid.graphql');
    const text = readFileSync(join(out, 'queries', prefix, file), 'utf8');
    let errors;
    try {
      errors = validate(schema, parse(text));
    } catch (e) {
      errors = [e];
    }

    const ok = expectInvalid ? errors.length > 0 : errors.length === 0;
    const what = errors.length === 0 ? 'valid' : `invalid: ${errors[0].message.split('\n')[0]}`;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${prefix}/${file} ${expectInvalid ? '(expected invalid) ' : ''}${what}`);
    checked += 1;
    if (!ok) wrong += 1;
  }
}

console.log(`graphql-client (graphql ${version}): ${checked} documents, ${wrong} not as expected`);
process.exit(wrong > 0 || checked === 0 ? 1 : 0);
