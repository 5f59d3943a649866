samples/one-neuron.grad --caption file --update 0.01 --data x,y --precision 3
