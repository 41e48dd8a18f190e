import { type ReactNode, useEffect, useRef, useState } from 'react';

/**
 * Renders `children` once their place comes within `margin` of the viewport (scrolling to it, or
 * already there on a tall screen), keeping that place at `height` until then: a page's heavy parts
 * below the fold (a map, with its library and its own requests) never hold up what is in view.
 */
export function WhenNear({ height, children, margin = '200px' }: { height: number; children: ReactNode; margin?: string }) {
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (near || !box.current) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), { rootMargin: margin });
    observer.observe(box.current);
    return () => observer.disconnect();
  }, [near, margin]);
  return near ? <>{children}</> : <div ref={box} style={{ minHeight: height }} />;
}
