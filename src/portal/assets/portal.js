// The portal works without JavaScript; this only shows the print buttons, which need it.
for (const button of document.querySelectorAll('[data-print]')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}
