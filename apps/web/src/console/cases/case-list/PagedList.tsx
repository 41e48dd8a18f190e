import { Button, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { PageError } from '../../../shared/PageState';

/** What `useCursorPages` gives a list page. */
export interface CursorPages<T> {
  items: T[];
  loading: boolean;
  error?: unknown;
  hasMore: boolean;
  loadMore: () => unknown;
  reload: () => void;
}

/**
 * A keyset-paged list of cases (the ledger, the dispatch queue): the error with a retry, the table
 * the page draws from the items, and "load more" below it (with how many are shown and "no more"
 * when the page gives those texts).
 */
export function PagedList<T>({
  pages,
  items = pages.items,
  children,
  texts,
}: {
  pages: CursorPages<T>;
  /** The items to show, when the page hides some (e.g. dispatched ones); default all. */
  items?: T[];
  children: (items: T[]) => ReactNode;
  texts: { loadMore: string; shown?: string; noMore?: string };
}) {
  return (
    <>
      {pages.error ? <PageError error={pages.error} onRetry={pages.reload} /> : null}
      {children(items)}
      <Flex justify="center" align="center" gap={12} wrap>
        {texts.shown !== undefined && (
          <Typography.Text type="secondary" data-testid="shown-count">
            {texts.shown}
          </Typography.Text>
        )}
        {pages.hasMore ? (
          <Button onClick={() => pages.loadMore()} loading={pages.loading} data-testid="load-more">
            {texts.loadMore}
          </Button>
        ) : (
          texts.noMore !== undefined && items.length > 0 && <Typography.Text type="secondary">{texts.noMore}</Typography.Text>
        )}
      </Flex>
    </>
  );
}
