import SqliteDatabase from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from '../src/db/sqlite-statement-cache.js';

describe('SQLite prepared-statement cache', () => {
  it('prepares each SQL text once, evicts the least recently used beyond capacity, and follows schema changes', () => {
    const raw = new SqliteDatabase(':memory:');
    const prepared: string[] = [];
    const prepare = raw.prepare.bind(raw);
    raw.prepare = ((sql: string) => {
      prepared.push(sql);
      return prepare(sql);
    }) as typeof raw.prepare;
    const db = withStatementCache(raw, 2);
    db.prepare('create table t (a integer)').run([]);
    db.prepare('insert into t (a) values (?)').run([1]);
    db.prepare('insert into t (a) values (?)').run([2]);
    expect(db.prepare('select sum(a) as s from t').all([])).toEqual([{ s: 3 }]);
    expect(prepared.filter((s) => s.startsWith('insert'))).toHaveLength(1);

    // Capacity 2: the insert is now the least recently used of three and was evicted.
    db.prepare('select count(*) as n from t').all([]);
    db.prepare('insert into t (a) values (?)').run([3]);
    expect(prepared.filter((s) => s.startsWith('insert'))).toHaveLength(2);

    // A cached statement still works after the table it reads changes shape.
    const sum = 'select sum(a) as s from t';
    db.prepare(sum).all([]);
    db.prepare('alter table t add column b integer').run([]);
    expect(db.prepare(sum).all([])).toEqual([{ s: 6 }]);
    db.close();
  });
});
