import { useEffect, useState } from 'react';
import { routeFromHash, type RouteKey } from './routes';

/** The current screen lives in the URL hash so a reload (or a crash restart) returns to it. */
export function useHashRoute(): [RouteKey, (key: RouteKey) => void] {
  const [route, setRoute] = useState<RouteKey>(() => routeFromHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(routeFromHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return [route, (key) => (window.location.hash = `#/${key}`)];
}
