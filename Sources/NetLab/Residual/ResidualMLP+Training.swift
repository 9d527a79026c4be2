import WeightInit

extension ResidualMLP {
    /// Every trained parameter array in a fixed order: W_in, b_in, then per block and layer Wₖ, bₖ,
    /// γₖ, βₖ, then α when it is learned, then W_out, b_out (absent biases and norms are skipped).
    func parameterArrays() -> [[Float]] {
        var arrays: [[Float]] = [stem.weight.scalars]
        if let b = stem.bias { arrays.append(b) }
        for block in blocks {
            for k in block.layers.indices {
                arrays.append(block.layers[k].weight.scalars)
                if let b = block.layers[k].bias { arrays.append(b) }
                if !block.norms.isEmpty { arrays += [block.norms[k].gamma, block.norms[k].beta] }
            }
            if block.learnsAlpha { arrays.append([block.alpha]) }
        }
        arrays.append(head.weight.scalars)
        if let b = head.bias { arrays.append(b) }
        return arrays
    }

    /// Writes back arrays in the order of ``parameterArrays()``.
    mutating func setParameterArrays(_ arrays: [[Float]]) {
        var next = arrays.makeIterator()
        func take(_ current: [Float]) -> [Float] { next.next() ?? current }
        stem.weight.scalars = take(stem.weight.scalars)
        if let b = stem.bias { stem.bias = take(b) }
        for l in blocks.indices {
            for k in blocks[l].layers.indices {
                blocks[l].layers[k].weight.scalars = take(blocks[l].layers[k].weight.scalars)
                if let b = blocks[l].layers[k].bias { blocks[l].layers[k].bias = take(b) }
                if !blocks[l].norms.isEmpty {
                    blocks[l].norms[k].gamma = take(blocks[l].norms[k].gamma)
                    blocks[l].norms[k].beta = take(blocks[l].norms[k].beta)
                }
            }
            if blocks[l].learnsAlpha { blocks[l].alpha = take([blocks[l].alpha]).first ?? blocks[l].alpha }
        }
        head.weight.scalars = take(head.weight.scalars)
        if let b = head.bias { head.bias = take(b) }
    }

    /// The gradient arrays of `gradients` in the order of ``parameterArrays()``.
    func gradientArrays(_ gradients: ResidualGradients) -> [[Float]] {
        var arrays: [[Float]] = [gradients.stemWeight.scalars]
        if let b = gradients.stemBias { arrays.append(b) }
        for (block, g) in zip(blocks, gradients.blocks) {
            for k in block.layers.indices {
                arrays.append(g.weights[k].scalars)
                if let b = g.biases[k] { arrays.append(b) }
                if !block.norms.isEmpty { arrays += [g.gammas[k], g.betas[k]] }
            }
            if block.learnsAlpha { arrays.append([g.alpha]) }
        }
        arrays.append(gradients.headWeight.scalars)
        if let b = gradients.headBias { arrays.append(b) }
        return arrays
    }

    /// One optimiser step on every trained parameter (weights, biases, γ, β, learnable α), with
    /// any of NetLab's optimisers (``SGD``, ``MomentumSGD``, ``Adam``) and their per-parameter state.
    ///
    /// The optimisers update an ``MLP``: the network lends them its parameter arrays as the
    /// weights of a stand-in MLP with one 1×n layer per array, in the order of the parameters,
    /// so the update rules and their state are exactly those of the MLP case.
    public mutating func update(with gradients: ResidualGradients, optimizer: inout any Optimizer) throws(NetLabError) {
        let parameters = parameterArrays(), grads = gradientArrays(gradients)
        var standIn = try MLP(layers: [])
        var weightGradients: [Matrix] = []
        for (p, g) in zip(parameters, grads) {
            standIn.layers.append(
                try DenseLayer(
                    weight: Matrix(rows: 1, columns: p.count, scalars: p), bias: nil,
                    activation: .linear))
            weightGradients.append(try Matrix(rows: 1, columns: g.count, scalars: g))
        }
        let flat = Gradients(
            weights: weightGradients, biases: Array(repeating: nil, count: weightGradients.count),
            preActivations: [], input: Matrix(rows: 0, columns: 0))
        optimizer.update(&standIn, with: flat)
        setParameterArrays(standIn.layers.map(\.weight.scalars))
    }

    /// Trains in place on `data` for exactly `steps` mini-batch steps (or until it diverges):
    /// each epoch visits the samples in a fresh seeded permutation (epoch e from
    /// `RandomStream(seed: seed).substream(e)`, as ``Trainer``), in batches of `batchSize`,
    /// with softmax cross-entropy for classification and MSE for regression.
    ///
    /// ```swift
    /// var net = try ResidualMLP(inputWidth: 64, width: 64, blocks: 8, outputWidth: 10, branch: .rezero)
    /// let history = try net.train(on: digits.train, steps: 200, learningRate: 0.05)
    /// ```
    public mutating func train(
        on data: Dataset, steps: Int, batchSize: Int = 32, optimizer: OptimizerKind = .sgd,
        learningRate: Double, seed: UInt64 = 1
    ) throws(NetLabError) -> ResidualHistory {
        var history = ResidualHistory()
        guard data.count > 0, steps > 0 else { return history }
        let loss = Trainer.defaultLoss(for: data)
        var rule = optimizer.make(learningRate: Float(learningRate))
        let stream = RandomStream(seed: seed)
        let size = max(1, batchSize)
        var epoch = 0
        while history.steps < steps {
            epoch += 1
            var shuffle = stream.substream(UInt64(epoch))
            let order = SeededPermutation.make(count: data.count, stream: &shuffle)
            for start in stride(from: 0, to: data.count, by: size) where history.steps < steps {
                let batch = data.subset(order[start..<min(data.count, start + size)])
                let trace = try forward(batch.inputs)
                let result = try loss.evaluate(trace.output, targets: batch.targets)
                history.losses.append(result.value)
                guard result.value.isFinite else {
                    history.divergedAt = history.steps
                    return history
                }
                let gradients = try backward(trace, outputGradient: result.gradient)
                try update(with: gradients, optimizer: &rule)
                guard isFinite else {
                    history.divergedAt = history.steps
                    return history
                }
            }
        }
        return history
    }

    /// Loss (cross-entropy or MSE) and, for classification, accuracy on the whole of `data`
    /// in one batch (so BatchNorm uses the statistics of `data`).
    public func evaluate(on data: Dataset) throws(NetLabError) -> Evaluation {
        try Evaluation.of(output: predict(data.inputs), on: data, loss: Trainer.defaultLoss(for: data))
    }
}
