import type { BulletinSectionView } from '@lianxin/core';
import { Table, Typography } from 'antd';

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The body of a bulletin: numbered sections, their paragraphs and tables, as the documents lay them out. */
export function BulletinSections({ sections }: { sections: BulletinSectionView[] }) {
  return (
    <>
      {sections.map((s, i) => (
        <section key={s.key} data-testid={`section-${s.key}`} style={{ marginBottom: 16 }}>
          <Typography.Title level={5}>{`${ORDINALS[i] ?? i + 1}、${s.title}`}</Typography.Title>
          {s.paragraphs.map((p, k) => (
            <Typography.Paragraph key={k} style={{ textIndent: '2em', marginBottom: 8 }}>
              {p}
            </Typography.Paragraph>
          ))}
          {s.tables.map((table, k) => (
            <div key={k} style={{ marginBottom: 12 }} data-testid={`table-${s.key}`} data-caption={table.caption ?? ''}>
              {table.caption && <Typography.Text strong>{table.caption}</Typography.Text>}
              <Table
                size="small"
                pagination={false}
                scroll={{ x: 'max-content' }}
                rowKey={(r) => String(r.__row)}
                dataSource={table.rows.map((row, r) => ({ __row: r, ...Object.fromEntries(row.map((cell, c) => [`c${c}`, cell])) }))}
                columns={table.columns.map((title, c) => ({ title, dataIndex: `c${c}`, align: c === 0 || c === 1 ? 'left' : 'right' }))}
              />
            </div>
          ))}
        </section>
      ))}
    </>
  );
}
