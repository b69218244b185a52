// Placeholder: replaced by the emulator CLI.
console.log('emulator not built yet');
