"""One customer engine for every journey: observe the page, act on ranked candidates, verify progress, recover
from what the site says, with one coherent fake customer. Checks state a goal and assess what the engine saw."""
