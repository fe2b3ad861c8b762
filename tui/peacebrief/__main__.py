from peacebrief.cli import main

raise SystemExit(main())
