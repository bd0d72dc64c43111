// Slack's own verdict on signed requests, for AlignBot's verifier to be compared with.
// Reads a JSON array of cases on stdin: { name, signingSecret, timestamp, body, signature, nowSeconds }
// (timestamp or signature null = the header is missing) and prints a JSON array of { name, valid }.
// The verdict is @slack/bolt's exported isValidSlackRequest, given the headers the way bolt's HTTP receiver
// reads them (the timestamp as Number(header)).
'use strict';
const { isValidSlackRequest } = require('@slack/bolt');

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const cases = JSON.parse(input);
  const verdicts = cases.map((c) => ({
    name: c.name,
    valid: isValidSlackRequest({
      signingSecret: c.signingSecret,
      body: c.body,
      headers: {
        'x-slack-signature': c.signature === null ? undefined : c.signature,
        'x-slack-request-timestamp': Number(c.timestamp === null ? undefined : c.timestamp),
      },
      nowMilliseconds: c.nowSeconds * 1000,
    }),
  }));
  process.stdout.write(JSON.stringify(verdicts));
});
