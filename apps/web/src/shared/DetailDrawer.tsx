import { Drawer, Flex } from 'antd';
import type { ReactNode } from 'react';
import { PageError, PageLoading } from './PageState';

/**
 * A large side drawer showing one loaded record (`testId` names it): the load's error with a retry,
 * a spinner until `item` is there, then `children(item)` in a column. `after` is drawn below (e.g.
 * a form drawer of its own). `padded` keeps a narrower body padding.
 */
export function DetailDrawer<T>({
  open,
  onClose,
  title,
  testId,
  error,
  onRetry,
  item,
  padded,
  after,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  testId: string;
  error: unknown;
  onRetry: () => void;
  item: T | null;
  padded?: number;
  after?: ReactNode;
  children: (item: T) => ReactNode;
}) {
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size="large"
      styles={{ wrapper: { maxWidth: '100vw' }, ...(padded === undefined ? {} : { body: { padding: padded } }) }}
      title={title}
      data-testid={testId}
    >
      {error ? (
        <PageError error={error} onRetry={onRetry} />
      ) : !item ? (
        <PageLoading />
      ) : (
        <Flex vertical gap={12}>
          {children(item)}
        </Flex>
      )}
      {after}
    </Drawer>
  );
}
