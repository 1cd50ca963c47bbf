import { useEffect, useState } from 'react';
import { hashOf, routeFromHash, type Route } from './routes';

/** Fired by replaceRoute: replacing a history entry raises no hashchange. */
const ROUTE_REPLACED = 'yekuo:route-replaced';

/** The current screen lives in the URL hash so a reload (or a crash restart) returns to it. */
export function useHashRoute(): Route {
  const [route, setRoute] = useState<Route>(() => routeFromHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(routeFromHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    window.addEventListener(ROUTE_REPLACED, onChange);
    return () => {
      window.removeEventListener('hashchange', onChange);
      window.removeEventListener(ROUTE_REPLACED, onChange);
    };
  }, []);
  return route;
}

export function navigate(route: Route): void {
  window.location.hash = hashOf(route);
}

/**
 * The same screen in another state (申请查询's filters): the hash follows without a new history entry, so Back
 * leaves the screen instead of undoing one filter at a time.
 */
export function replaceRoute(route: Route): void {
  const hash = hashOf(route);
  if (window.location.hash === hash) return;
  window.history.replaceState(window.history.state, '', hash);
  window.dispatchEvent(new Event(ROUTE_REPLACED));
}
