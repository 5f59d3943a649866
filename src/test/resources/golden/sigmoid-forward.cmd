samples/sigmoid.grad --caption file --forward
