import { createInterface } from 'node:readline';
import { text } from 'node:stream/consumers';

/** Asks twice without echoing on a terminal; otherwise reads the first line of stdin (scripts). */
export async function readPassphrase(): Promise<string> {
  if (!process.stdin.isTTY) return (await text(process.stdin)).split(/\r?\n/)[0] ?? '';
  const first = await ask('Passphrase (10 characters or more): ');
  const second = await ask('Repeat the passphrase: ');
  if (first !== second) throw new Error('The two passphrases differ.');
  return first;
}

function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput;
  // Echo the question, hide what is typed.
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
    if (s.startsWith(question)) write.call(rl, question);
  };
  return new Promise((resolve) =>
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    }),
  );
}
