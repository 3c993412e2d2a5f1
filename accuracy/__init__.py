"""The accuracy harness: real open-source storefronts, audited and scored against hand-recorded truth."""
