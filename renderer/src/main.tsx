import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createServices, ServicesProvider } from './app/services';
import { bridge } from './bridge';
import './styles/app.css';

const services = createServices(bridge, window.location.hash, (hash) => {
  // replaceState would lose Back; pushState keeps history without a hashchange round-trip.
  if (window.location.hash !== hash) history.pushState(null, '', hash);
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <ServicesProvider services={services}>
      <App />
    </ServicesProvider>
  </StrictMode>,
);
