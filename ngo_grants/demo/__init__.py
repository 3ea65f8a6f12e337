"""Demo open calls: each centre's call index and calls (Jasło's current and last year's, a smaller
one in Puławy), then organisations with drafts and submitted offers to them."""
