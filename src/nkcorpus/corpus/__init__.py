"""Reading inputs, writing results and summarising runs over a corpus."""
