// React and the screens: loaded by the entry module (main.tsx) after it has started what the
// first screen needs, so the bulk of the code parses while the host is already answering.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createServices, ServicesProvider } from './app/services';
import type { PairlightBridge } from './bridge/types';
import type { FirstPage } from './screens/gallery/first-page';

/** Marked when React starts: the bench and the e2e tests read what the page did before it. */
export const BOOT_MARK = 'pairlight:boot';

export function boot(bridge: PairlightBridge, galleryFirstPage: FirstPage): void {
  performance.mark(BOOT_MARK);
  const services = createServices(
    bridge,
    window.location.hash,
    (hash) => {
      // replaceState would lose Back; pushState keeps history without a hashchange round-trip.
      if (window.location.hash !== hash) history.pushState(null, '', hash);
    },
    galleryFirstPage,
  );
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <ServicesProvider services={services}>
        <App />
      </ServicesProvider>
    </StrictMode>,
  );
}
