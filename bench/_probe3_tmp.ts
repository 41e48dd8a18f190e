import Database from 'better-sqlite3';
const db = new Database('/tmp/lianxin-scale-ledger/lianxin.sqlite', { readonly: true });
const from = new Date(Date.now() - 30 * 86400000).toISOString();
const st = db.prepare(`select * from cases where registered_at >= ? and (registered_at, id) < (?, ?) order by registered_at desc, id desc limit 1000`);
let at = new Date().toISOString(), id = 'z';
for (let p = 0; p < 4; p++) {
  const t = performance.now();
  const rows = st.all(from, at, id) as any[];
  console.log('raw page', p, (performance.now() - t).toFixed(1), 'ms', rows.length);
  at = rows.at(-1).registered_at; id = rows.at(-1).id;
}
const st2 = db.prepare(`select rowid from cases where registered_at >= ? order by registered_at desc, id desc limit 5000`);
console.log(st2.all(from).slice(0, 20).map((r: any) => r.rowid).join(','));
