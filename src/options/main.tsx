import { render } from 'preact';

function Options() {
  return (
    <main>
      <h1>Reset Desk options</h1>
    </main>
  );
}

const app = document.getElementById('app');
if (!app) throw new Error('options: #app is missing from index.html');
render(<Options />, app);
