import Dispatch
import Experiments
import Synchronization
import WeightInit

/// Resolves experiment blocks against a registry and runs them, concurrently, with
/// results in document order (identical to running them one after another).
enum ExperimentRunner {
    /// Resolves every block; errors point at the line of the bad parameter.
    /// `cellIDs` are the ids of the chapter's Swift cells, which overrides may also name.
    static func prepare(
        _ blocks: [ExperimentBlock], registry: ExperimentRegistry, overrides: [ChapterOverride],
        cellIDs: [String] = [], file: String
    ) throws(WorkbookError) -> [PreparedRun] {
        let ids = blocks.map(\.id) + cellIDs
        for override in overrides where !ids.contains(override.id) {
            throw WorkbookError(
                .override, file: file, line: nil,
                "--set \(override.id).\(override.key): no experiment block or cell has id '\(override.id)'; ids: "
                    + "\(ids.isEmpty ? "(none)" : ids.joined(separator: ", "))"
            )
        }
        var prepared: [PreparedRun] = []
        for block in blocks {
            let experiment: any Experiment
            do {
                experiment = try registry.experiment(named: block.experiment)
            } catch {
                throw WorkbookError(.experiment, file: file, line: block.line, error.description)
            }
            let applied = overrides.filter { $0.id == block.id }
            let settings =
                block.parameters.map { (name: $0.key, value: $0.value) }
                + applied.map { (name: $0.key, value: $0.value) }
            let values: ParameterValues
            do {
                values = try experiment.resolve(settings)
            } catch {
                throw locate(error, block: block, applied: applied, file: file)
            }
            try checkDisplays(block, outputs: experiment.outputs(for: values), file: file)
            let defaults: [ParameterSetting]
            do {
                defaults = try experiment.resolve([]).settings
            } catch {
                throw WorkbookError(
                    .experiment, file: file, line: block.line,
                    "experiment '\(block.experiment)' cannot resolve its own defaults: \(error)")
            }
            let nonDefault = values.settings.filter { setting in
                !defaults.contains { $0.name == setting.name && $0.value == setting.value }
            }.map { (name: $0.name, value: $0.value) }
            prepared.append(
                PreparedRun(
                    block: block, experiment: experiment, values: values, nonDefault: nonDefault, overrides: applied))
        }
        return prepared
    }

    /// Checks every display of `block` against the outputs its experiment declares, before it runs:
    /// a misspelt table, column or group fails at the display's line.
    private static func checkDisplays(
        _ block: ExperimentBlock, outputs: ExperimentOutputs, file: String
    )
        throws(WorkbookError)
    {
        for item in block.displays {
            guard let problem = item.display.problem(with: outputs) else { continue }
            throw WorkbookError(
                .display, file: file, line: item.line,
                "experiment '\(block.experiment)' (id \(block.id)) " + problem)
        }
    }

    /// Maps a resolution error to the line of the parameter it concerns.
    private static func locate(
        _ error: ExperimentError, block: ExperimentBlock, applied: [ChapterOverride], file: String
    ) -> WorkbookError {
        let parameter: String?
        switch error {
        case .unknownParameter(_, let name, _): parameter = name
        case .invalidValue(let name, _, _): parameter = name
        default: parameter = nil
        }
        // unknownParameter already names the experiment.
        var prefix = "experiment '\(block.experiment)' (id \(block.id)): "
        if case .unknownParameter = error { prefix = "" }
        if let parameter, applied.contains(where: { $0.key == parameter }) {
            return WorkbookError(
                .override, file: file, line: block.line,
                prefix + "in --set \(block.id).\(parameter): " + error.description)
        }
        let line = parameter.flatMap { name in block.parameters.first { $0.key == name }?.line } ?? block.line
        var message = prefix + error.description
        // A misspelt display key (`tabel:`) reaches here as an unknown parameter: name the display keys too.
        if case .unknownParameter = error { message += "; display keys: \(DisplayItem.keys.joined(separator: ", "))" }
        return WorkbookError(.parameter, file: file, line: line, message)
    }

    /// Runs every prepared block (in parallel) and returns the results in the same order, with
    /// the number taken from `cache` instead of run. Fresh results are stored in the cache.
    static func run(
        _ runs: [PreparedRun], file: String, cache: ResultCache? = nil
    ) throws(WorkbookError) -> (results: [ExperimentResult], cached: Int) {
        let slots = Mutex<[Result<ExperimentResult, WorkbookError>?]>(Array(repeating: nil, count: runs.count))
        let hits = Mutex(0)
        ConcurrencyBudget.forEach(runs.count) { index in
            let run = runs[index]
            let outcome: Result<ExperimentResult, WorkbookError>
            let key = cache?.key(experiment: run.experiment.name, values: run.values)
            if let cache, let key, let cached = cache.load(key) {
                hits.withLock { $0 += 1 }
                slots.withLock { $0[index] = .success(cached) }
                return
            }
            do {
                let result = try run.experiment.run(run.values)
                if let cache, let key { cache.store(result, key: key) }
                outcome = .success(result)
            } catch {
                outcome = .failure(
                    WorkbookError(
                        .run, file: file, line: run.block.line,
                        "experiment '\(run.block.experiment)' (id \(run.block.id)) failed: \(error)"))
            }
            slots.withLock { $0[index] = outcome }
        }
        let outcomes = slots.withLock { $0 }
        var results: [ExperimentResult] = []
        for outcome in outcomes {
            switch outcome {
            case .success(let result)?: results.append(result)
            case .failure(let error)?: throw error
            case nil: throw WorkbookError(.run, file: file, line: nil, "an experiment did not run")
            }
        }
        return (results, hits.withLock { $0 })
    }
}
