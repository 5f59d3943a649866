samples/advanced.grad --caption file
