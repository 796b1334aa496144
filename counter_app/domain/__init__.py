"""Pure domain rules: numbers, the application and its lifecycle, locality rules. No I/O."""
