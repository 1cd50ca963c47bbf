import { useEffect, useState } from 'react';
import { hashOf, routeFromHash, type Route } from './routes';

/** The current screen lives in the URL hash so a reload (or a crash restart) returns to it. */
export function useHashRoute(): Route {
  const [route, setRoute] = useState<Route>(() => routeFromHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(routeFromHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function navigate(route: Route): void {
  window.location.hash = hashOf(route);
}
