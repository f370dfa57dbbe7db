// The floor every hook is measured against: what starting any .NET program costs on this machine.
return 0;
