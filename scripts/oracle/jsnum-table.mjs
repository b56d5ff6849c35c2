// Prints the table of core/internal/jsnum/jsnum_test.go: JSON number texts
// and what JavaScript's String(JSON.parse(text)) gives for each, which is
// how zxcvbn.js spells a user input that is a number.
//
//   node scripts/oracle/jsnum-table.mjs > /tmp/table.txt
const texts = ['0', '-0', '1', '-1', '0.1', '0.5', '1.5', '100', '123456789', '1e21', '1e20', '123456789012345678901',
  '123456789012345680000', '999999999999999999999', '1e-6', '1e-7', '1.5e-7', '0.000001', '0.0000001', '0.00000123',
  '1.7976931348623157e308', '5e-324', '2e-323', '1e400', '-1e400', '1e-400', '-1e-400', '3.14159', '2.5e+25',
  '1.2345e-10', '12345678901234567890', '0.1e1', '10e-1', '100e-2', '4.35', '0.30000000000000004', '9007199254740993',
  '9007199254740992', '-123.456e5', '1e0', '1E3', '25e-5', '1e-5', '123e18', '123e19', '1.0', '-0.0', '2019',
  '1987.0', '7e22', '0.000001234', '1234567.125', '9.999999999999999e20', '1e+300', '-1e-7', '-5e-7', '1.25e-6'];
// Seeded doubles of every magnitude, written with 17 significant digits
// (which read back as the same double) so that the shortest form differs.
let seed = 0x1ee7;
const rnd = () => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed / 2 ** 32; };
for (let k = 0; k < 120; k++) {
  const x = (rnd() < 0.5 ? -1 : 1) * rnd() * 10 ** Math.floor(rnd() * 640 - 330);
  if (Number.isFinite(x)) texts.push(x.toPrecision(17));
}
for (let k = 0; k < 40; k++) texts.push(String(Math.floor(rnd() * 2 ** 53) * 10 ** Math.floor(rnd() * 12)));
let out = '';
for (const t of texts) out += `\t{${JSON.stringify(t)}, ${JSON.stringify(String(JSON.parse(t)))}},\n`;
process.stdout.write(out);
