// The entry module, kept small: it asks for what the first screen shows (the gallery's first
// page, from the route in the URL hash) and only then loads React and the screens (boot.tsx), so
// the host answers while that larger chunk downloads and parses.
import { parseRoute } from './app/route';
import { bridge } from './bridge';
import { createFirstPage } from './screens/gallery/first-page';
import './styles/app.css';
// Every stylesheet loads with the page (the settings' one too), so the boot chunk waits on no CSS.
import './screens/settings/models/models.css';

const galleryFirstPage = createFirstPage(bridge);
const route = parseRoute(window.location.hash);
if (route.screen === 'gallery') galleryFirstPage.start(route.projectId);

import('./boot').then(
  ({ boot }) => boot(bridge, galleryFirstPage),
  (error: unknown) => {
    document.body.textContent = `Pairlight could not load its interface (${String(error)}). Reload the page.`;
  },
);
