import CKernels
import WeightInit

/// Everything one mini-batch step of ``Trainer`` reads and writes, allocated once per training
/// run (for the largest batch) so that a step allocates nothing.
///
/// A step (``step(_:samples:data:optimizer:)``) gathers the batch into fixed buffers, runs the
/// forward pass as one fused product per layer (bias first, activation on each tile, Wᵀ packed
/// once per step), evaluates the loss into δ_L, and runs the backward pass as fused products:
/// ∂L/∂Wₗ = δₗᵀ·hₗ₋₁ and δₗ₋₁ = (δₗ·Wₗ) ⊙ f′ₗ₋₁, reading hₗ₋₁ and Wₗ in place (only a partial
/// last panel packed). ∂L/∂h₀ is never needed and not computed. Products run on the calling
/// thread: at batch 64 they take tens of microseconds, less than waking a thread pool.
/// Every value equals what ``MLP/forward(_:)``, ``MLP/backward(_:outputGradient:)`` and the loss
/// compute (the same kernels and epilogues, the same order), so a step is bit-identical to the
/// unfused composition.
final class TrainingWorkspace {
    /// Floats owned by the workspace (freed with it).
    struct Buffer {
        /// The first element.
        let base: UnsafeMutablePointer<Float>
        /// Number of elements.
        let count: Int
        /// Read-only view of ``base``.
        var pointer: UnsafePointer<Float> { UnsafePointer(base) }
        /// The first `count` elements.
        func prefix(_ count: Int) -> UnsafeMutableBufferPointer<Float> {
            UnsafeMutableBufferPointer(start: base, count: count)
        }
    }

    /// How the loss is evaluated without allocating.
    enum LossKind {
        /// ``SoftmaxCrossEntropy`` on the fixed buffers.
        case softmax
        /// ``MeanSquaredError`` on the fixed buffers.
        case meanSquared
        /// Any other loss, through its allocating ``Loss/evaluate(_:targets:)``.
        case custom(any Loss)
    }

    /// The path every kernel of the step uses.
    let isa: KernelISA
    /// widths[0]: input features; widths[l + 1]: outputs of layer l.
    let widths: [Int]
    /// The loss and how it is evaluated.
    let lossKind: LossKind
    /// The gathered batch inputs (rows × features).
    let input: Buffer
    /// The gathered labels (classification).
    let labels: UnsafeMutablePointer<Int>
    /// The gathered target values (regression; rows × outputs).
    let values: Buffer
    /// hₗ per layer (rows × widths[l + 1]).
    let outputs: [Buffer]
    /// zₗ for layers whose f′ does not follow from hₗ alone; nil elsewhere.
    let preActivations: [Buffer?]
    /// δₗ per layer (rows × widths[l + 1]).
    let deltas: [Buffer]
    /// Wₗᵀ packed in panels, repacked every step.
    let packed: [Buffer]
    /// The partial last panel of Wₗ (widths[l + 1] × panel width) when the panel width does not divide widths[l].
    let weightTails: [Buffer?]
    /// The partial last panel of hₗ₋₁ (rows × panel width), likewise.
    let inputTails: [Buffer?]
    /// Softmax probabilities of one row.
    let probabilities: UnsafeMutablePointer<Double>
    /// ∂L/∂Wₗ and ∂L/∂bₗ, overwritten every step (``Gradients/preActivations`` and
    /// ``Gradients/input`` stay empty: the optimiser reads only weights and biases).
    private(set) var gradients: Gradients
    /// Every Float buffer above, freed in `deinit`.
    private var allocations: [UnsafeMutablePointer<Float>] = []

    /// Buffers for `network`, batches of up to `maxRows` samples of `data`, and `loss`.
    init(network: MLP, data: Dataset, maxRows: Int, loss: any Loss, isa: KernelISA = .selected) {
        self.isa = isa.resolved
        let widths = [network.inputWidth] + network.layers.map(\.outputWidth)
        self.widths = widths
        if loss is SoftmaxCrossEntropy {
            lossKind = .softmax
        } else if loss is MeanSquaredError {
            lossKind = .meanSquared
        } else {
            lossKind = .custom(loss)
        }
        let rows = max(1, maxRows)
        let panel = self.isa.panelWidth
        var allocations: [UnsafeMutablePointer<Float>] = []
        func buffer(_ count: Int) -> Buffer {
            let base = UnsafeMutablePointer<Float>.allocate(capacity: max(1, count))
            base.initialize(repeating: 0, count: max(1, count))
            allocations.append(base)
            return Buffer(base: base, count: count)
        }
        let outputWidth = widths.last ?? 0
        input = buffer(rows * widths[0])
        values = buffer(rows * outputWidth)
        labels = UnsafeMutablePointer<Int>.allocate(capacity: rows)
        labels.initialize(repeating: 0, count: rows)
        probabilities = UnsafeMutablePointer<Double>.allocate(capacity: max(1, outputWidth))
        probabilities.initialize(repeating: 0, count: max(1, outputWidth))
        var outputs: [Buffer] = [], preActivations: [Buffer?] = [], deltas: [Buffer] = [], packed: [Buffer] = []
        var weightTails: [Buffer?] = [], inputTails: [Buffer?] = []
        for (l, layer) in network.layers.enumerated() {
            let (k, n) = (widths[l], widths[l + 1])
            outputs.append(buffer(rows * n))
            deltas.append(buffer(rows * n))
            preActivations.append(layer.activation.outputGateCode == nil ? buffer(rows * n) : nil)
            packed.append(buffer((n + panel - 1) / panel * panel * k))
            weightTails.append(k % panel == 0 ? nil : buffer(n * panel))
            inputTails.append(k % panel == 0 ? nil : buffer(rows * panel))
        }
        self.outputs = outputs
        self.preActivations = preActivations
        self.deltas = deltas
        self.packed = packed
        self.weightTails = weightTails
        self.inputTails = inputTails
        gradients = Gradients(
            weights: network.layers.map { Matrix(rows: $0.outputWidth, columns: $0.inputWidth) },
            biases: network.layers.map { $0.bias == nil ? nil : [Float](repeating: 0, count: $0.outputWidth) },
            preActivations: [], input: Matrix(rows: 0, columns: 0))
        self.allocations = allocations
    }

    /// Frees the buffers.
    deinit {
        for base in allocations { base.deallocate() }
        labels.deallocate()
        probabilities.deallocate()
    }

    /// One optimisation step on the samples `samples` of `data`: the batch loss, or nil when the
    /// loss, a gradient or a parameter became non-finite (the step at which training diverged;
    /// the parameters are then those after the update, as ``Trainer`` always left them).
    func step(
        _ network: inout MLP, samples: ArraySlice<Int>, data: Dataset,
        optimizer: inout any Optimizer
    ) throws(NetLabError) -> Double? {
        let rows = samples.count
        gather(samples, from: data)
        forward(network, rows: rows)
        let count = network.layers.count
        guard count > 0 else { return nil }
        let value = try evaluateLoss(rows: rows, targets: data.targets)
        guard value.isFinite, wb_all_finite(isa.code, deltas[count - 1].pointer, rows * widths[count]) != 0 else {
            return nil
        }
        backward(network, rows: rows)
        for l in 0..<count {
            let finite =
                gradients.weights[l].scalars.withUnsafeBufferPointer {
                    wb_all_finite(isa.code, $0.baseAddress, $0.count) != 0
                }
                && (gradients.biases[l]?.withUnsafeBufferPointer {
                    wb_all_finite(isa.code, $0.baseAddress, $0.count) != 0
                } ?? true)
            guard finite else { return nil }
        }
        optimizer.update(&network, with: gradients)
        for layer in network.layers {
            let finite =
                layer.weight.scalars.withUnsafeBufferPointer { wb_all_finite(isa.code, $0.baseAddress, $0.count) != 0 }
                && (layer.bias?.withUnsafeBufferPointer { wb_all_finite(isa.code, $0.baseAddress, $0.count) != 0 }
                    ?? true)
            guard finite else { return nil }
        }
        return value
    }

    /// Copies the inputs and targets of `samples` into the batch buffers, in order.
    private func gather(_ samples: ArraySlice<Int>, from data: Dataset) {
        let features = widths[0]
        data.inputs.scalars.withUnsafeBufferPointer { source in
            guard let from = source.baseAddress else { return }
            for (row, index) in samples.enumerated() {
                (input.base + row * features).update(from: from + index * features, count: features)
            }
        }
        switch data.targets {
        case .labels(let all):
            for (row, index) in samples.enumerated() { labels[row] = all[index] }
        case .values(let all):
            let d = all.columns
            guard d * samples.count <= values.count else { return }
            all.scalars.withUnsafeBufferPointer { source in
                guard let from = source.baseAddress else { return }
                for (row, index) in samples.enumerated() {
                    (values.base + row * d).update(from: from + index * d, count: d)
                }
            }
        }
    }

    /// hₗ = fₗ(hₗ₋₁·Wₗᵀ + bₗ) for every layer, zₗ kept where the backward pass needs it.
    private func forward(_ network: MLP, rows: Int) {
        for (l, layer) in network.layers.enumerated() {
            let (k, n) = (widths[l], widths[l + 1])
            let x = l == 0 ? input.pointer : outputs[l - 1].pointer
            layer.weight.scalars.withUnsafeBufferPointer { w in
                guard let w = w.baseAddress else { return }
                wb_pack_b(isa.code, w, 1, k, k, n, packed[l].base)
            }
            let h = outputs[l], z = preActivations[l]
            let activation = layer.activation
            withOptionalPointer(layer.bias) { bias in
                var op = KernelOperation(
                    isa: isa, operand: .packed(packed[l].pointer), a: x, aRowStride: k, aDepthStride: 1,
                    c: h.base, ldc: n, k: k, n: n)
                op.start(at: bias)
                if let code = activation.kernelCode, activation != .linear {
                    op.activate(code, slope: activation.kernelSlope, preActivations: z?.base)
                    op.run(rows: rows, parallel: false)
                } else {
                    op.run(rows: rows, parallel: false)
                    if activation != .linear {
                        z?.base.update(from: h.pointer, count: rows * n)
                        activation.applyInPlace(h.prefix(rows * n), parallel: false, kernel: isa)
                    }
                }
            }
        }
    }

    /// The batch loss; its gradient ∂L/∂h_L goes into δ_L.
    private func evaluateLoss(rows: Int, targets: Targets) throws(NetLabError) -> Double {
        let last = outputs.count - 1
        let d = widths[last + 1]
        let output = UnsafeBufferPointer(start: outputs[last].pointer, count: rows * d)
        let gradient = deltas[last].prefix(rows * d)
        switch lossKind {
        case .softmax:
            guard case .labels = targets else {
                throw .invalidConfiguration(
                    name: "targets", value: "values", expected: "class labels for softmax cross-entropy")
            }
            let batchLabels = UnsafeBufferPointer(start: labels, count: rows)
            try SoftmaxCrossEntropy.validate(batchLabels, classes: d)
            return SoftmaxCrossEntropy.evaluate(
                output, rows: rows, columns: d, labels: batchLabels, gradient: gradient,
                probabilities: probabilities)
        case .meanSquared:
            switch targets {
            case .labels:
                let batchLabels = UnsafeBufferPointer(start: labels, count: rows)
                try MeanSquaredError.validate(batchLabels, classes: d)
                return MeanSquaredError.evaluate(
                    output, rows: rows, columns: d, target: .labels(batchLabels), gradient: gradient)
            case .values(let all):
                guard all.columns == d else {
                    throw .shapeMismatch(
                        operation: "MeanSquaredError", expected: "\(d) target columns", actual: "\(all.columns)")
                }
                let batchValues = UnsafeBufferPointer(start: values.pointer, count: rows * d)
                return MeanSquaredError.evaluate(
                    output, rows: rows, columns: d, target: .values(batchValues), gradient: gradient)
            }
        case .custom(let loss):
            let outputMatrix = Matrix(
                rows: rows, columns: d,
                uninitialized: { target in
                    _ = target.initialize(fromContentsOf: output)
                })
            let batchTargets: Targets
            switch targets {
            case .labels: batchTargets = .labels(Array(UnsafeBufferPointer(start: labels, count: rows)))
            case .values(let all):
                batchTargets = .values(
                    Matrix(
                        rows: rows, columns: all.columns,
                        uninitialized: { target in
                            _ = target.initialize(
                                fromContentsOf: UnsafeBufferPointer(start: values.pointer, count: rows * all.columns))
                        }))
            }
            let evaluation = try loss.evaluate(outputMatrix, targets: batchTargets)
            guard evaluation.gradient.rows == rows, evaluation.gradient.columns == d else {
                throw .shapeMismatch(
                    operation: "\(loss.name) gradient", expected: "\(rows)×\(d)",
                    actual: "\(evaluation.gradient.rows)×\(evaluation.gradient.columns)")
            }
            evaluation.gradient.scalars.withUnsafeBufferPointer { _ = gradient.update(fromContentsOf: $0) }
            return evaluation.value
        }
    }

    /// δ_L = g ⊙ f′_L, then for l = L…1: ∂L/∂Wₗ, ∂L/∂bₗ and δₗ₋₁.
    private func backward(_ network: MLP, rows: Int) {
        let count = network.layers.count
        let last = network.layers[count - 1].activation
        last.gateInPlace(
            deltas[count - 1].prefix(rows * widths[count]), preActivation: preActivations[count - 1]?.pointer,
            output: outputs[count - 1].pointer, parallel: false, kernel: isa)
        for l in stride(from: count - 1, through: 0, by: -1) {
            let layer = network.layers[l]
            let (k, n) = (widths[l], widths[l + 1])
            let x = l == 0 ? input.pointer : outputs[l - 1].pointer
            let delta = deltas[l]
            // ∂L/∂Wₗ = δₗᵀ·hₗ₋₁ (n × k, depth rows).
            if let tail = inputTails[l] { wb_pack_b_tail(isa.code, x, k, rows, k, tail.base) }
            let inputTail = inputTails[l]?.pointer
            gradients.weights[l].scalars.withUnsafeMutableBufferPointer { g in
                var op = KernelOperation(
                    isa: isa, operand: .rowMajor(x, ldb: k, tail: inputTail), a: delta.pointer,
                    aRowStride: 1, aDepthStride: n, c: g.baseAddress, ldc: k, k: rows, n: k)
                op.run(rows: n, parallel: false)
            }
            // ∂L/∂bₗ = Σ_rows δₗ, in row order.
            gradients.biases[l]?.withUnsafeMutableBufferPointer { sums in
                for j in 0..<n { sums[j] = 0 }
                for row in 0..<rows {
                    for j in 0..<n { sums[j] += delta.base[row * n + j] }
                }
            }
            guard l > 0 else { continue }
            // δₗ₋₁ = (δₗ·Wₗ) ⊙ f′ₗ₋₁ (rows × k, depth n).
            let previous = network.layers[l - 1].activation
            let target = deltas[l - 1]
            let weightTail = weightTails[l]
            layer.weight.scalars.withUnsafeBufferPointer { w in
                guard let w = w.baseAddress else { return }
                if let weightTail { wb_pack_b_tail(isa.code, w, k, n, k, weightTail.base) }
                var op = KernelOperation(
                    isa: isa, operand: .rowMajor(w, ldb: k, tail: weightTail?.pointer), a: delta.pointer,
                    aRowStride: n, aDepthStride: 1, c: target.base, ldc: k, k: n, n: k)
                if let code = previous.outputGateCode {
                    op.gate(code, slope: previous.kernelSlope, outputs: outputs[l - 1].pointer)
                    op.run(rows: rows, parallel: false)
                } else {
                    op.run(rows: rows, parallel: false)
                    previous.gateInPlace(
                        target.prefix(rows * k), preActivation: preActivations[l - 1]?.pointer,
                        output: outputs[l - 1].pointer, parallel: false, kernel: isa)
                }
            }
        }
    }
}
