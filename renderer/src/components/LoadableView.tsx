import { Alert, Spin } from 'antd';
import type { ReactNode } from 'react';
import type { Loadable } from '../shell/useLoaded';

/** Spinner while loading, the Chinese error when the read failed, else the content. */
export function LoadableView<T>({ value, children }: { value: Loadable<T>; children: (v: T) => ReactNode }) {
  if (value.state === 'loading') return <Spin description="正在读取…" />;
  if (value.state === 'error') return <Alert type="error" showIcon title="读取失败" description={value.message} />;
  return <>{children(value.value)}</>;
}
