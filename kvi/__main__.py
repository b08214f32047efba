from kvi.cli import main

raise SystemExit(main())
